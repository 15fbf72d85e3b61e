/**
 * Contract fixtures: LACRM answers shaped as public sources that run against the real service show
 * them (test/fixtures/lacrm-real/README.md names the source of each file), fed through the
 * transport (nock plays LACRM) and the code that reads them — paging, Simplify, pickers, error
 * messages and the trigger's delivery parser. Our sandbox is not involved: it is our own model.
 */
import { readdirSync, readFileSync } from 'fs';
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';
import { join } from 'path';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import { itemsFromDelivery } from '../../nodes/LacrmTrigger/deliveries';
import { listSearch, loadOptions } from '../harness/load-options';
import { withClient } from './helpers/runClient';
import { credentialsFor, LACRM_ORIGIN, runNode, TEST_API_KEY, uid } from './helpers/runNode';

const FIXTURES = join(__dirname, '..', 'fixtures', 'lacrm-real');
const used = new Set<string>();

function fixture<T = IDataObject>(name: string): T {
	used.add(name);
	return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

/**
 * LACRM answering successive calls of `fn` with these bodies (status 200 unless given); `seen`
 * collects the Parameters of each call, in order.
 */
function lacrmAnswers(fn: string, ...answers: Array<{ body: unknown; status?: number }>) {
	const seen: IDataObject[] = [];
	const scope = nock(LACRM_ORIGIN);
	for (const answer of answers) {
		scope
			.post('/v2/', (body: { Function?: string }) => body.Function === fn)
			.reply(answer.status ?? 200, (_uri, body) => {
				seen.push((body as { Parameters: IDataObject }).Parameters);
				return answer.body as nock.Body;
			});
	}
	return { scope, seen };
}

const editor = {
	credentials: credentialsFor('apiKey'),
	nodeCredentials: { lacrmApi: { id: 'cred-api', name: 'LACRM API key' } },
};

type Page<R = IDataObject[]> = { HasMoreResults: boolean; Results: R };
type KeyedPage = Page<Record<string, IDataObject>>;

const ADA = uid(101);
const COMPANY = uid(102);

/** LACRM answers `fn` with `page`: Get Many of `resource`, Simplify off, outputs its Results as sent. */
async function expectGetManyAsSent(fn: string, page: Page, resource: string) {
	lacrmAnswers(fn, { body: page });
	const { json, error } = await runNode({
		resource,
		operation: 'getAll',
		parameters: { simplify: false },
	});
	expect(error).toBeUndefined();
	expect(json).toEqual(page.Results);
}

/**
 * LACRM answers `fn` with `body` twice: Get Many of `resource` outputs `items`, and the dropdown
 * that `method` loads lists `options`.
 */
async function expectGetManyAndDropdown(
	fn: string,
	body: unknown,
	resource: string,
	items: unknown,
	method: string,
	options: unknown,
) {
	lacrmAnswers(fn, { body });
	const { json, error } = await runNode({ resource, operation: 'getAll' });
	expect(error).toBeUndefined();
	expect(json).toEqual(items);
	lacrmAnswers(fn, { body });
	expect(await loadOptions(new Lacrm(), { authentication: 'apiKey' }, method, editor)).toEqual(
		options,
	);
}

describe('GetTasks: Results keyed by TaskId (PostHog, Airbyte)', () => {
	const page1 = fixture<KeyedPage>('GetTasks.page1.json');
	const page2 = fixture<KeyedPage>('GetTasks.page2.json');
	const allTasks = [...Object.values(page1.Results), ...Object.values(page2.Results)];

	it('Task → Get Many, Return All: one item per task across both pages, Page 2 asked for', async () => {
		const { scope, seen } = lacrmAnswers('GetTasks', { body: page1 }, { body: page2 });
		const { json, error } = await runNode({
			resource: 'task',
			operation: 'getAll',
			parameters: { returnAll: true, simplify: false },
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(seen.map((parameters) => parameters.Page)).toEqual([1, 2]);
		expect(json).toEqual(allTasks);
		expect(json.map((task) => task.Name)).toEqual([
			'Call Ada back',
			'Send the proposal',
			'Book the demo',
		]);
	});

	it('Simplify flattens each task’s metadata to names', async () => {
		lacrmAnswers('GetTasks', { body: page1 }, { body: page2 });
		const { json, error } = await runNode({
			resource: 'task',
			operation: 'getAll',
			parameters: { returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(json[0]).toEqual({
			TaskId: uid(401),
			Name: 'Call Ada back',
			DueDate: '2025-03-10',
			Description: 'Bring the signed copy',
			IsCompleted: false,
			AssignedTo: '483823',
			AssignedToName: 'Jane Owner',
			CalendarId: uid(900),
			ContactId: ADA,
			ContactName: 'Ada Lovelace',
			DateCreated: '2025-03-04T10:15:00-06:00',
		});
		expect(json.map((task) => task.TaskId)).toEqual([uid(401), uid(402), uid(403)]);
	});
});

describe('GetContacts (Airbyte schema)', () => {
	const contacts = fixture<Page>('GetContacts.json');

	it('Contact → Get Many outputs each record as LACRM sent it', async () => {
		await expectGetManyAsSent('GetContacts', contacts, 'contact');
	});

	it('Simplify: names, first email/phone/address flattened, the owner by name', async () => {
		lacrmAnswers('GetContacts', { body: contacts });
		const { json, error } = await runNode({ resource: 'contact', operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(json[0]).toEqual({
			ContactId: ADA,
			IsCompany: false,
			Name: 'Dr. Ada Lovelace',
			FirstName: 'Ada',
			LastName: 'Lovelace',
			Email: 'ada@example.com',
			Emails: ['ada@example.com'],
			Phone: '+1 555 0100',
			Phones: ['+1 555 0100'],
			Website: 'https://engines.example.com',
			Address: '1 Main St, Springfield IL 62701, United States',
			Addresses: ['1 Main St, Springfield IL 62701, United States'],
			AssignedTo: 483823,
			AssignedToName: 'Jane Owner',
			'Company Name': 'Analytical Engines Ltd',
			CompanyId: COMPANY,
			'Job Title': 'Engineer',
			'Background Info': 'Met at the fair.',
			DateCreated: '2025-03-04T10:15:00-06:00',
			LastUpdate: '2025-03-05T09:00:00-06:00',
		});
		expect(json[1]).toMatchObject({
			ContactId: COMPANY,
			IsCompany: true,
			Name: 'Analytical Engines Ltd',
		});
	});

	it('the contact-or-company picker names each record', async () => {
		lacrmAnswers('GetContacts', { body: contacts });
		const result = await listSearch(
			new Lacrm(),
			{ authentication: 'apiKey' },
			'searchContactsAndCompanies',
			editor,
		);
		expect(result).toEqual({
			results: [
				{ name: 'Dr. Ada Lovelace — ada@example.com', value: ADA },
				{ name: 'Analytical Engines Ltd (company)', value: COMPANY },
			],
			paginationToken: undefined,
		});
	});
});

describe('bare arrays: GetUsers, GetTeams (Airbyte, PostHog)', () => {
	const users = fixture<IDataObject[]>('GetUsers.json');
	const teams = fixture<IDataObject[]>('GetTeams.json');

	it('User → Get Many and the user dropdown', async () => {
		const { seen } = lacrmAnswers('GetUsers', { body: users });
		const { json, error } = await runNode({ resource: 'user', operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(json).toEqual(users);
		expect(seen).toEqual([{}]);
		lacrmAnswers('GetUsers', { body: users });
		expect(
			await loadOptions(new Lacrm(), { authentication: 'apiKey' }, 'getUsers', editor),
		).toEqual([
			{ name: 'Jane Owner', value: '483823' },
			{ name: 'Sam Seller', value: '483824' },
		]);
	});

	it('Team → Get Many and the team dropdown', async () => {
		await expectGetManyAndDropdown('GetTeams', teams, 'team', teams, 'getTeams', [
			{ name: 'Accounts', value: uid(702) },
			{ name: 'Sales', value: uid(701) },
		]);
	});
});

describe('paged Results arrays: GetNotes, GetEvents (Airbyte), GetGroups (lacrm-mcp)', () => {
	it('Note → Get Many outputs each note as LACRM sent it', async () => {
		const notes = fixture<Page>('GetNotes.json');
		await expectGetManyAsSent('GetNotes', notes, 'note');
	});

	it('Event → Get Many: as sent, and simplified with calendar, contact and user names', async () => {
		const events = fixture<Page>('GetEvents.json');
		await expectGetManyAsSent('GetEvents', events, 'event');

		lacrmAnswers('GetEvents', { body: events });
		const { json, error } = await runNode({ resource: 'event', operation: 'getAll' });
		expect(error).toBeUndefined();
		const { CalendarMetaData, ContactMetaData, UserMetaData, ...rest } = events.Results[0];
		expect([CalendarMetaData, ContactMetaData, UserMetaData]).not.toContain(undefined);
		expect(json).toEqual([
			{
				...rest,
				CalendarName: 'Work',
				ContactNames: ['Ada Lovelace'],
				UserNames: ['Jane Owner'],
			},
		]);
	});

	it('Group → Get Many and the group dropdown', async () => {
		const groups = fixture<Page>('GetGroups.json');
		await expectGetManyAndDropdown('GetGroups', groups, 'group', groups.Results, 'getGroups', [
			{ name: 'Customers', value: uid(802) },
			{ name: 'Newsletter', value: uid(801) },
		]);
	});
});

describe('errors (PostHog, lacrm-mcp)', () => {
	it('400 "Invalid credentials": the user is told to check the API key in the credential', async () => {
		lacrmAnswers('GetContact', { status: 400, body: fixture('error.invalid-credentials.json') });
		const { error, json } = await runNode({
			resource: 'contact',
			operation: 'get',
			parameters: { contactId: { __rl: true, mode: 'id', value: ADA } },
		});
		expect(json).toEqual([]);
		expect(error?.message).toBe(
			'LACRM rejected the credential (HTTP 400): Invalid credentials. Please check your API key.',
		);
		expect(error?.description).toMatch(
			/^Check the API key in the "Less Annoying CRM API" credential/,
		);
		expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
	});

	it("400 with a LACRM error: LACRM's text as the message, its code in the details", async () => {
		lacrmAnswers('CreatePipelineItem', {
			status: 400,
			body: fixture('error.required-custom-field.json'),
		});
		const { error } = await withClient((client) =>
			client.call('CreatePipelineItem', {
				ContactId: ADA,
				PipelineId: uid(601),
				StatusId: uid(621),
			}),
		);
		expect(error?.message).toBe("'Hunter' field is required for CreatePipelineItem");
		expect(error?.description).toContain('4178t6namw3vx9s6');
	});
});

describe("webhook deliveries (LACRM's Using-webhooks page) through the trigger's parser", () => {
	const ada = fixture<Page>('GetContacts.json').Results[0];

	it('PipelineItemStatus.Update: one item per pipeline item, the event and user on each', () => {
		const body = fixture('webhook.PipelineItemStatus.Update.json');
		expect(itemsFromDelivery(body, {})).toEqual([
			{
				Change: 'Pipeline item status changed',
				TriggeringEvent: 'PipelineItemStatus.Update',
				TriggeringUserId: '483823',
				PipelineItemId: uid(611),
				PipelineId: uid(601),
				StatusId: uid(622),
				ContactId: ADA,
				StatusMetaData: { Name: 'Won' },
			},
		]);
		expect(itemsFromDelivery(body, { pipelineId: uid(601), statusIds: [uid(621)] })).toEqual([]);
	});

	it('Contact.Create: one item per contact', () => {
		expect(itemsFromDelivery(fixture('webhook.Contact.Create.json'), {})).toEqual([
			{
				Change: 'Contact or company created',
				TriggeringEvent: 'Contact.Create',
				TriggeringUserId: '483823',
				...ada,
			},
		]);
	});

	it('Event.Delete: the EventId', () => {
		expect(itemsFromDelivery(fixture('webhook.Event.Delete.json'), {})).toEqual([
			{
				Change: 'Event deleted',
				TriggeringEvent: 'Event.Delete',
				TriggeringUserId: '483823',
				EventId: uid(501),
			},
		]);
	});

	it('GroupMembership.Create: each contact with its group', () => {
		const body = fixture('webhook.GroupMembership.Create.json');
		expect(itemsFromDelivery(body, {})).toEqual([
			{
				Change: 'Contact added to group',
				TriggeringEvent: 'GroupMembership.Create',
				TriggeringUserId: '483823',
				...ada,
				GroupId: uid(801),
				GroupName: 'Newsletter',
				Group: { GroupId: uid(801), Name: 'Newsletter' },
			},
		]);
		expect(itemsFromDelivery(body, { groupId: uid(802) })).toEqual([]);
	});
});

describe('the fixtures folder', () => {
	it('every fixture names its source in the README and is fed through a test above', () => {
		const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
		const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
		expect(files.length).toBeGreaterThan(0);
		for (const name of files) {
			expect({ name, listed: readme.includes(`\`${name}\``) }).toEqual({ name, listed: true });
			expect({ name, used: used.has(name) }).toEqual({ name, used: true });
		}
	});
});
