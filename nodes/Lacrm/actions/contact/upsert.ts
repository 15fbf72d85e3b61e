import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LacrmClient } from '../../transport/client';
import type { Contact } from '../../transport/types';
import type { OperationDefinition, PreparedItem, RunContext } from '../operation';
import { currentUserId } from '../shared/currentUser';
import { customFieldsProperty, readCustomFieldValues } from '../shared/customFields';
import { recordName } from '../shared/simplify';
import { assignedToField, detailFields, nameField } from './fields';
import type { RecordKind } from './kind';

type MatchOn = 'email' | 'phone' | 'name' | 'customField';

const MATCH_LABEL: Record<MatchOn, string> = {
	email: 'Email',
	phone: 'Phone',
	name: 'Name',
	customField: 'Custom Field',
};

function digits(value: string): string {
	return value.replace(/\D/g, '');
}

function normalise(value: unknown): string {
	return String(value ?? '')
		.trim()
		.toLowerCase();
}

function entryTexts(entries: unknown): string[] {
	return Array.isArray(entries)
		? entries.map((entry) =>
				typeof entry === 'string' ? entry : String((entry as IDataObject)?.Text ?? ''),
			)
		: [];
}

/** Does this LACRM record carry exactly the match value? (LACRM's search is fuzzy; this is not.) */
function isMatch(record: Contact, matchOn: MatchOn, value: string, customField: string): boolean {
	switch (matchOn) {
		case 'email':
			return entryTexts(record.Email).some((email) => normalise(email) === normalise(value));
		case 'phone':
			return entryTexts(record.Phone).some(
				(phone) => digits(phone) !== '' && digits(phone) === digits(value),
			);
		case 'name':
			return normalise(recordName(record as unknown as IDataObject)) === normalise(value);
		case 'customField':
			return normalise(record[customField]) === normalise(value);
	}
}

/** Items of one execution that upsert the same key run one after another, or both would create. */
const keyLocks = new WeakMap<LacrmClient, Map<string, Promise<unknown>>>();

async function oneAtATimePerKey<T>(
	client: LacrmClient,
	key: string,
	work: () => Promise<T>,
): Promise<T> {
	let locks = keyLocks.get(client);
	if (!locks) keyLocks.set(client, (locks = new Map()));
	const before = locks.get(key) ?? Promise.resolve();
	const mine = before.catch(() => undefined).then(work);
	locks.set(key, mine);
	try {
		return await mine;
	} finally {
		if (locks.get(key) === mine) locks.delete(key);
	}
}

async function findMatches(
	context: RunContext,
	kind: RecordKind,
	prepared: PreparedItem,
): Promise<Contact[]> {
	const { matchOn, matchValue, matchCustomField } = prepared.extra as {
		matchOn: MatchOn;
		matchValue: string;
		matchCustomField: string;
	};
	const searches: IDataObject[] =
		matchOn === 'customField'
			? [
					{
						AdvancedFilters: [
							{ Name: matchCustomField, Operation: 'IsExactly', Value: matchValue },
						],
					},
				]
			: matchOn === 'phone'
				? // How LACRM's search tokenises phone numbers is not documented: "+1 (555) 010-0100" may
					// or may not find "5550100100". Ask both ways before concluding there is no match.
					[...new Set([digits(matchValue), matchValue])].map((terms) => ({ SearchTerms: terms }))
				: [{ SearchTerms: matchValue }];
	const matches = new Map<string, Contact>();
	for (const search of searches) {
		const candidates = await context.client.callAll(
			'GetContacts',
			{ ...search, RecordTypeFilter: kind.recordTypeFilter },
			{ itemIndex: context.itemIndex, limit: 1000, pageSize: 500 },
		);
		for (const record of candidates) {
			if (isMatch(record, matchOn, matchValue, matchCustomField))
				matches.set(record.ContactId, record);
		}
		if (matches.size > 0) break;
	}
	return [...matches.values()];
}

/** Puts the match value into the record, unless the user gave that field explicitly. */
function withMatchValue(parameters: IDataObject, extra: IDataObject): IDataObject {
	const { matchOn, matchValue, matchCustomField } = extra as Record<string, string>;
	const result = { ...parameters };
	if (matchOn === 'email' && result.Email === undefined) result.Email = [{ Text: matchValue }];
	if (matchOn === 'phone' && result.Phone === undefined) result.Phone = [{ Text: matchValue }];
	if (matchOn === 'customField' && result[matchCustomField] === undefined)
		result[matchCustomField] = matchValue;
	return result;
}

export function upsert(kind: RecordKind): OperationDefinition {
	const showFor = (matchOn: MatchOn[]) => ({ show: { matchOn } });
	return {
		operation: 'upsert',
		name: 'Create or Update',
		action: `Create or update a ${kind.noun}`,
		description: `Find the ${kind.noun} by email, phone, name or a custom field and update it, or create it if none matches. The output says whether it was created or updated and which ContactId it has.`,
		fn: 'GetContacts',
		alsoCalls: ['CreateContact', 'EditContact', 'GetUser'],
		properties: [
			{
				displayName: 'Match On',
				name: 'matchOn',
				type: 'options',
				options: [
					{
						name: 'Custom Field',
						value: 'customField',
						description: 'A custom field that identifies the record',
					},
					{
						name: 'Email',
						value: 'email',
						description: "Any of the record's emails, ignoring case",
					},
					{ name: 'Name', value: 'name', description: 'The full name, ignoring case' },
					{
						name: 'Phone',
						value: 'phone',
						description: 'Any of its phone numbers, comparing digits only',
					},
				],
				default: 'email',
				description: `How to recognise an existing ${kind.noun}`,
			},
			{
				displayName: 'Custom Field Name or ID',
				name: 'matchCustomField',
				type: 'options',
				typeOptions: {
					loadOptionsMethod: kind.isCompany
						? 'getCompanyCustomFieldNames'
						: 'getContactCustomFieldNames',
				},
				default: '',
				description:
					'The custom field to match on. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: showFor(['customField']),
			},
			{
				displayName: 'Value to Match',
				name: 'matchValue',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. jane@example.com',
				description:
					'The value that identifies the record. It is also written to the record when it is created.',
			},
			{
				...nameField(kind, false).property,
				description: `Needed to create the ${kind.noun}; also updated on a match`,
				displayOptions: { hide: { matchOn: ['name'] } },
			},
			assignedToField(kind, false).property,
			customFieldsProperty(kind.resource, 'create'),
		],
		optional: {
			name: 'additionalFields',
			displayName: 'Additional Fields',
			fields: detailFields(kind),
		},
		options: [
			{
				displayName: 'If Several Match',
				name: 'onMultipleMatches',
				type: 'options',
				options: [
					{
						name: 'Stop With an Error',
						value: 'error',
						description: 'Fail the item and list the matching IDs',
					},
					{
						name: 'Update All of Them',
						value: 'updateAll',
						description: 'One output item per updated record',
					},
					{
						name: 'Update the Most Recently Changed',
						value: 'updateLatest',
						description: 'Update only the match with the latest LastUpdate',
					},
				],
				default: 'error',
			},
		],
		prepare: (input, prepared) => {
			const matchOn = input.value<MatchOn>('matchOn', 'email');
			const matchValue = String(input.value<string>('matchValue', '') ?? '').trim();
			if (matchValue === '') throw input.error('Value to Match', 'it is required');
			if (matchOn === 'email' && !/^[^\s@]+@[^\s@]+$/.test(matchValue)) {
				throw input.error('Value to Match', `"${matchValue}" is not an email address`);
			}
			if (matchOn === 'phone' && digits(matchValue).length < 4) {
				throw input.error('Value to Match', `"${matchValue}" does not look like a phone number`);
			}
			const matchCustomField =
				matchOn === 'customField' ? input.value<string>('matchCustomField', '') : '';
			if (matchOn === 'customField' && !matchCustomField)
				throw input.error('Custom Field Name or ID', 'choose the field to match on');
			const name =
				matchOn === 'name' ? matchValue : String(input.value<string>('name', '') ?? '').trim();
			if (name === '')
				throw input.error(
					kind.isCompany ? 'Company Name' : 'Full Name',
					`it is needed to create the ${kind.noun}`,
				);
			const assignedTo = input.read(assignedToField(kind, false));
			Object.assign(prepared.parameters, readCustomFieldValues(input), { Name: name });
			if (kind.isCompany) prepared.parameters['Company Name'] = name;
			if (assignedTo !== undefined) prepared.parameters.AssignedTo = assignedTo as string;
			const options = input.value<IDataObject>('options', {});
			prepared.extra = {
				matchOn,
				matchValue,
				matchCustomField,
				onMultipleMatches: (options.onMultipleMatches as string) ?? 'error',
			};
		},
		async run(prepared) {
			const { client, itemIndex } = this;
			const extra = prepared.extra as Record<string, string>;
			const key = `${extra.matchOn}:${extra.matchCustomField}:${extra.matchOn === 'phone' ? digits(extra.matchValue) : normalise(extra.matchValue)}`;
			const report = (ContactId: string, action: 'created' | 'updated', matchCount: number) => ({
				ContactId,
				action,
				matchedOn:
					extra.matchOn === 'customField'
						? extra.matchCustomField
						: MATCH_LABEL[extra.matchOn as MatchOn],
				matchValue: extra.matchValue,
				matchCount,
			});
			return await oneAtATimePerKey(client, key, async () => {
				const matches = await findMatches(this, kind, prepared);
				if (matches.length === 0) {
					const parameters = withMatchValue(prepared.parameters, prepared.extra);
					parameters.IsCompany = kind.isCompany;
					parameters.AssignedTo ??= await currentUserId(client, itemIndex);
					const created = await client.call('CreateContact', parameters as never, { itemIndex });
					return report(created.ContactId, 'created', 0);
				}
				let targets = matches;
				if (matches.length > 1) {
					if (extra.onMultipleMatches === 'error') {
						throw new NodeOperationError(
							this.exec.getNode(),
							`${matches.length} ${kind.plural} match ${MATCH_LABEL[extra.matchOn as MatchOn]} "${extra.matchValue}"`,
							{
								itemIndex,
								description: `Matching ContactIds: ${matches.map((match) => match.ContactId).join(', ')}. Choose what to do in Options → If Several Match.`,
							},
						);
					}
					if (extra.onMultipleMatches === 'updateLatest') {
						targets = [...matches]
							.sort((a, b) => Date.parse(b.LastUpdate) - Date.parse(a.LastUpdate))
							.slice(0, 1);
					}
				}
				const results = [];
				for (const target of targets) {
					await client.call(
						'EditContact',
						{ ...prepared.parameters, ContactId: target.ContactId } as never,
						{ itemIndex },
					);
					results.push(report(target.ContactId, 'updated', matches.length));
				}
				return results;
			});
		},
	};
}
