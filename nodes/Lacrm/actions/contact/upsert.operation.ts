import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { fingerprint } from '../../transport/credentials';
import type { Contact } from '../../transport/types';
import type { LacrmFunctionName } from '../../transport/functions';
import type { OperationDefinition, PreparedItem, RunContext } from '../../helpers/operation';
import { parametersFor } from '../router';
import { currentUserId } from '../../helpers/currentUser';
import { customFieldsProperty, readCustomFieldValues } from '../../helpers/customFields';
import { upsertLock } from '../../helpers/keyedLock';
import { recordName } from '../../helpers/simplify';
import { assignedToField, detailFields, nameField } from './fields';
import type { RecordKind } from './recordKind';

type MatchOn = 'email' | 'phone' | 'name' | 'customField';

/** What an upsert did, in its output's `action`. */
type UpsertAction = 'created' | 'updated' | 'merged race duplicate';

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
			return normalise(recordName(record)) === normalise(value);
		case 'customField':
			return normalise(record[customField]) === normalise(value);
	}
}

/**
 * The total order that decides which of several records created in one race survives: the
 * smallest ContactId, compared as a number (31 digits: as text of equal length). Every racing
 * process reads the same ids and so picks the same one; DateCreated (whole seconds) could tie.
 */
function smallestContactId(ids: string[]): string {
	const number = (id: string) => id.replace(/^0+(?=\d)/, '');
	const smaller = (a: string, b: string) =>
		number(a).length !== number(b).length
			? number(a).length < number(b).length
			: number(a) < number(b);
	return ids.reduce((best, id) => (smaller(id, best) ? id : best));
}

/** How an upsert recognises an existing record: read from the item by its `prepare`. */
interface MatchRule {
	matchOn: MatchOn;
	matchValue: string;
	/** The custom field's name when matching on one, else empty. */
	matchCustomField: string;
	onMultipleMatches: string;
}

/** The match value as the lock sees it: what `isMatch` treats as equal is one key. */
function matchKey(rule: MatchRule): string {
	const value = rule.matchOn === 'phone' ? digits(rule.matchValue) : normalise(rule.matchValue);
	return `${rule.matchOn}:${rule.matchCustomField}:${value}`;
}

async function findMatches(
	context: RunContext,
	kind: RecordKind,
	prepared: PreparedItem<MatchRule>,
): Promise<Contact[]> {
	const { matchOn, matchValue, matchCustomField } = prepared.own;
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
function withMatchValue(parameters: IDataObject, rule: MatchRule): IDataObject {
	const { matchOn, matchValue, matchCustomField } = rule;
	const result = { ...parameters };
	if (matchOn === 'email' && result.Email === undefined) result.Email = [{ Text: matchValue }];
	if (matchOn === 'phone' && result.Phone === undefined) result.Phone = [{ Text: matchValue }];
	if (matchOn === 'customField' && result[matchCustomField] === undefined)
		result[matchCustomField] = matchValue;
	return result;
}

// Not defineOperation: `fn` names the search, while the fields fill CreateContact/EditContact
// parameters; those calls below are checked through parametersFor.
export function upsert(kind: RecordKind): OperationDefinition<LacrmFunctionName, MatchRule> {
	const showFor = (matchOn: MatchOn[]) => ({ show: { matchOn } });
	return {
		operation: 'upsert',
		name: 'Create or Update',
		action: `Create or update a ${kind.noun}`,
		description: `Find the ${kind.noun} by email, phone, name or a custom field and update it, or create it if none matches. The output says whether it was created or updated and which ContactId it has. Runs matching the same value at the same moment leave one ${kind.noun}: a copy one of them created in that race is deleted and its changes go to the other (action "merged race duplicate").`,
		fn: 'GetContacts',
		alsoCalls: ['CreateContact', 'EditContact', 'GetUser', 'DeleteContact'],
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
			return {
				matchOn,
				matchValue,
				matchCustomField,
				onMultipleMatches: (options.onMultipleMatches as string) ?? 'error',
			};
		},
		async run(prepared) {
			const { client, itemIndex } = this;
			const rule = prepared.own;
			const matchLabel =
				rule.matchOn === 'customField' ? rule.matchCustomField : MATCH_LABEL[rule.matchOn];
			const report = (ContactId: string, action: UpsertAction, matchCount: number) => ({
				ContactId,
				action,
				matchedOn: matchLabel,
				matchValue: rule.matchValue,
				matchCount,
			});
			// Keyed by a fingerprint: the lock map holds neither the credential nor the match value.
			const lockKey = fingerprint(
				[await client.credentialIdentity(), kind.resource, matchKey(rule)].join('\n'),
			);
			const update = async (matches: Contact[]) => {
				let targets = matches;
				if (matches.length > 1) {
					if (rule.onMultipleMatches === 'error') {
						throw new NodeOperationError(
							this.exec.getNode(),
							`${matches.length} ${kind.plural} match ${MATCH_LABEL[rule.matchOn]} "${rule.matchValue}"`,
							{
								itemIndex,
								description: `Matching ContactIds: ${matches.map((match) => match.ContactId).join(', ')}. Choose what to do in Options → If Several Match.`,
							},
						);
					}
					if (rule.onMultipleMatches === 'updateLatest') {
						targets = [...matches]
							.sort((a, b) => Date.parse(b.LastUpdate) - Date.parse(a.LastUpdate))
							.slice(0, 1);
					}
				}
				const results = [];
				for (const target of targets) {
					await client.call(
						'EditContact',
						{ ...parametersFor('EditContact', prepared.parameters), ContactId: target.ContactId },
						{ itemIndex },
					);
					results.push(report(target.ContactId, 'updated', matches.length));
				}
				return results;
			};
			return await upsertLock.run(lockKey, async () => {
				const matches = await findMatches(this, kind, prepared);
				if (matches.length > 0) return await update(matches);
				const parameters = parametersFor(
					'CreateContact',
					withMatchValue(prepared.parameters, rule),
				);
				parameters.IsCompany = kind.isCompany;
				parameters.AssignedTo ??= await currentUserId(client, itemIndex);
				let createdId: string;
				try {
					createdId = (await client.call('CreateContact', parameters, { itemIndex })).ContactId;
				} catch (error) {
					// A refusal (HTTP 400) created nothing. It may be because another process created the
					// record meanwhile (a company of that name, say): if the value finds it now, update it.
					// (The client's errors are NodeApiErrors already; wrapping hands back the same error.)
					const refused = (error as { httpCode?: unknown }).httpCode === '400';
					const appeared = refused ? await findMatches(this, kind, prepared).catch(() => []) : [];
					if (appeared.length === 0)
						throw new NodeApiError(this.exec.getNode(), error as JsonObject);
					return await update(appeared);
				}
				// Another process (a second queue-mode worker) may have searched at the same moment and
				// created the same record. Look again; every racer then keeps the same one, and a racer
				// whose new record lost removes it — only it — and writes its changes to the survivor.
				const seen = await findMatches(this, kind, prepared);
				const survivor = smallestContactId([createdId, ...seen.map((record) => record.ContactId)]);
				if (survivor === createdId) return report(createdId, 'created', 0);
				try {
					await client.call('DeleteContact', { ContactId: createdId }, { itemIndex });
				} catch (error) {
					throw new NodeOperationError(
						this.exec.getNode(),
						`Another run created ${kind.noun} ${survivor} for ${matchLabel} "${rule.matchValue}" at the same moment as this one created ${createdId}, and ${createdId} could not be deleted`,
						{
							itemIndex,
							description: `${(error as Error).message}. Both ${kind.plural} (${survivor} and ${createdId}) now exist: merge them in LACRM, or give the API key permission to delete so the duplicate this run created is removed.`,
						},
					);
				}
				await client.call(
					'EditContact',
					{ ...parametersFor('EditContact', prepared.parameters), ContactId: survivor },
					{
						itemIndex,
					},
				);
				return { ...report(survivor, 'merged race duplicate', 0), deletedDuplicateId: createdId };
			});
		},
	};
}
