/**
 * Email resource (logged emails): the exact request LACRM receives for each of its five
 * functions, the items n8n outputs, and input that is refused before any request.
 */
import nock from 'nock';

import { CONTACT, EMAIL, rawEmail } from '../helpers/records';
import {
	byId,
	LACRM_ORIGIN,
	runExpectingCall,
	runExpectingRefusal,
	runNode as runAnyNode,
	TEST_API_KEY,
	uid,
} from '../helpers/runNode';
import type { RunNodeOptions } from '../helpers/runNode';

const runNode = async (options: Omit<RunNodeOptions, 'resource'>) =>
	await runAnyNode({ resource: 'email', ...options });

const OTHER_CONTACT = uid(101);

const logParameters = {
	contactIds: `${CONTACT}, ${OTHER_CONTACT}`,
	from: { entries: { address: 'jane@example.com', name: 'Jane Owner' } },
	to: {
		entries: [{ address: 'john@example.com', name: 'John Doe' }, { address: 'sales@example.com' }],
	},
	body: 'Thanks for the call.\nProposal attached.',
};

/** What LACRM receives for logParameters. */
const logged = {
	ContactIds: [CONTACT, OTHER_CONTACT],
	From: { Address: 'jane@example.com', Name: 'Jane Owner' },
	To: [{ Address: 'john@example.com', Name: 'John Doe' }, { Address: 'sales@example.com' }],
	Body: 'Thanks for the call.\nProposal attached.',
};

describe('Email → Log (CreateEmail)', () => {
	it('sends contacts, sender, recipients and every additional field, and outputs the EmailId', async () => {
		const sent = {
			...logged,
			Subject: 'Proposal',
			Cc: [{ Address: 'boss@example.com' }],
			Date: '2025-01-15T10:30:00-05:00',
			UserIsSender: true,
		};
		const { json, items } = await runExpectingCall(['CreateEmail', sent, { EmailId: EMAIL }], {
			resource: 'email',
			operation: 'create',
			parameters: {
				...logParameters,
				additionalFields: {
					subject: 'Proposal',
					cc: { entries: [{ address: 'boss@example.com' }] },
					date: '2025-01-15T10:30:00-05:00',
					userIsSender: true,
				},
			},
		});
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ EmailId: EMAIL, ...sent }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('without a date, logs the email as sent now', async () => {
		let body: { Function?: string; Parameters?: Record<string, unknown> } | undefined;
		const scope = nock(LACRM_ORIGIN)
			.matchHeader('authorization', TEST_API_KEY)
			.post('/v2/', (sent: typeof body) => {
				body = sent;
				return true;
			})
			.reply(200, { EmailId: EMAIL });
		const before = Date.now();
		const { json, error } = await runNode({
			operation: 'create',
			parameters: { ...logParameters, contactIds: CONTACT },
		});
		const after = Date.now();
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// The new id plus the fields as sent, the date filled in included.
		expect(json).toEqual([{ EmailId: EMAIL, ...body?.Parameters }]);
		const { Date: sentDate, ...rest } = body?.Parameters ?? {};
		expect(body?.Function).toBe('CreateEmail');
		expect(rest).toEqual({ ...logged, ContactIds: [CONTACT] });
		expect(sentDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const sentAt = Date.parse(sentDate as string);
		expect(sentAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(sentAt).toBeLessThanOrEqual(after);
	});

	it('takes the contact ids as a list from an expression', async () => {
		const sent = {
			...logged,
			Date: '2025-01-15T10:30:00Z',
		};
		const { json } = await runExpectingCall(['CreateEmail', sent, { EmailId: EMAIL }], {
			resource: 'email',
			operation: 'create',
			input: [{ ids: [CONTACT, OTHER_CONTACT] }],
			parameters: {
				...logParameters,
				contactIds: '={{ $json.ids }}',
				additionalFields: { date: '2025-01-15T10:30:00Z' },
			},
		});
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ EmailId: EMAIL, ...sent }]);
	});

	it('refuses a recipient that is not an email address, before any request', async () => {
		const error = await runExpectingRefusal({
			resource: 'email',
			operation: 'create',
			parameters: { ...logParameters, to: { entries: [{ address: 'John Doe' }] } },
		});
		expect(error?.message).toBe('Invalid "To": "John Doe" is not an email address');
	});

	it('refuses a missing sender, before any request', async () => {
		const error = await runExpectingRefusal({
			resource: 'email',
			operation: 'create',
			parameters: { ...logParameters, from: {} },
		});
		expect(error?.message).toBe('Invalid "From": add at least one address');
	});

	it('refuses a contact id that is not an id, before any request', async () => {
		const error = await runExpectingRefusal({
			resource: 'email',
			operation: 'create',
			parameters: { ...logParameters, contactIds: `${CONTACT}, john@example.com` },
		});
		expect(error?.message).toMatch(/^Invalid "Contact IDs": "john@example.com" is not a LACRM ID/);
	});

	it('refuses a date that is not a date, before any request', async () => {
		const error = await runExpectingRefusal({
			resource: 'email',
			operation: 'create',
			parameters: { ...logParameters, additionalFields: { date: 'yesterday' } },
		});
		expect(error?.message).toMatch(/^Invalid "Date Sent"/);
	});
});

describe('Email → Get (GetEmail)', () => {
	it('outputs the email with contact names (simplified)', async () => {
		const { json } = await runExpectingCall(
			['GetEmail', { EmailId: EMAIL }, rawEmail(EMAIL, 'Hello')],
			{ resource: 'email', operation: 'get', parameters: { emailId: EMAIL } },
		);
		const { ContactMetaData: _meta, ...plain } = rawEmail(EMAIL, 'Hello');
		expect(json).toEqual([{ ...plain, ContactNames: ['John Doe'] }]);
	});
});

describe('Email → Get Many (GetEmails)', () => {
	it('sends the filters with the first page of Limit results, one item per email', async () => {
		const { json, items } = await runExpectingCall(
			[
				'GetEmails',
				{
					ContactId: CONTACT,
					GetContactsAtCompanyEmails: true,
					UserFilter: ['1001'],
					// A bare date is its midnight in the workflow's time zone (n8n's default, New York).
					DateFilterStart: '2024-12-01T00:00:00-05:00',
					DateFilterEnd: '2024-12-31T23:59:59Z',
					SortDirection: 'Ascending',
					MaxNumberOfResults: 5,
					Page: 1,
				},
				{ HasMoreResults: false, Results: [rawEmail(uid(701), 'One'), rawEmail(uid(702), 'Two')] },
			],
			{
				resource: 'email',
				operation: 'getAll',
				parameters: {
					limit: 5,
					simplify: false,
					filters: {
						contactId: byId(CONTACT),
						getContactsAtCompanyEmails: true,
						userFilter: ['1001'],
						dateFilterStart: '2024-12-01',
						dateFilterEnd: '2024-12-31T23:59:59Z',
						sortDirection: 'Ascending',
					},
				},
			},
		);
		expect(json).toEqual([rawEmail(uid(701), 'One'), rawEmail(uid(702), 'Two')]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('without filters sends paging only', async () => {
		const { json } = await runExpectingCall(
			[
				'GetEmails',
				{ MaxNumberOfResults: 50, Page: 1 },
				{ HasMoreResults: false, Results: [rawEmail(uid(701), 'One')] },
			],
			{ resource: 'email', operation: 'getAll', parameters: {} },
		);
		expect(json).toEqual([
			expect.objectContaining({ EmailId: uid(701), ContactNames: ['John Doe'] }),
		]);
	});
});
