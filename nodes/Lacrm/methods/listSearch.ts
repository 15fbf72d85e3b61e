/** "From list" pickers of the resource locators, searchable where LACRM can search. */
import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { recordName } from '../helpers/simplify';
import { clientFor, matches, selectedId } from './context';
import { statusChoices } from './statuses';

const PAGE = 50;

async function searchRecords(
	ctx: ILoadOptionsFunctions,
	recordType: 'Contacts' | 'Companies' | undefined,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const answer = await clientFor(ctx).page(
		'GetContacts',
		{
			SearchTerms: filter || undefined,
			...(recordType ? { RecordTypeFilter: recordType } : {}),
			SortBy: filter ? 'Relevance' : 'LastUpdate',
		},
		{ number: page, size: PAGE },
	);
	const results = answer.items.map((contact) => {
		const email =
			Array.isArray(contact.Email) && contact.Email[0] ? contact.Email[0].Text : undefined;
		const name = `${recordName(contact) || contact.ContactId}${!recordType && contact.IsCompany ? ' (company)' : ''}`;
		return { name: email ? `${name} — ${email}` : name, value: contact.ContactId };
	});
	return { results, paginationToken: answer.hasMore ? String(page + 1) : undefined };
}

function filtered(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	return {
		results: items
			.filter((item) => matches(filter, item.name, String(item.value)))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchRecords(this, 'Contacts', filter, paginationToken);
}

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchRecords(this, 'Companies', filter, paginationToken);
}

/** Notes, tasks, files… belong to a contact or a company: list both. */
export async function searchContactsAndCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchRecords(this, undefined, filter, paginationToken);
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const users = await clientFor(this).callAll('GetUsers', {});
	return filtered(
		users.map((user) => ({
			name: `${user.FirstName} ${user.LastName}`.trim(),
			value: String(user.UserId),
		})),
		filter,
	);
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const groups = await clientFor(this).callAll('GetGroups', {});
	return filtered(
		groups.map((group) => ({ name: group.Name, value: group.GroupId })),
		filter,
	);
}

export async function searchCalendars(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const calendars = await clientFor(this).callAll('GetCalendars', {});
	return filtered(
		calendars.map((calendar) => ({
			name: `${calendar.Name || 'Calendar'}${calendar.IsPrimary ? ' (primary)' : ''}`,
			value: calendar.CalendarId,
		})),
		filter,
	);
}

export async function searchPipelines(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const pipelines = await clientFor(this).callAll('GetPipelines', {});
	return filtered(
		pipelines.map((pipeline) => ({ name: pipeline.Name, value: pipeline.PipelineId })),
		filter,
	);
}

/**
 * Statuses of the pipeline picked in the same node (cascading), in pipeline order; every
 * pipeline's statuses, named "Pipeline → Status", otherwise.
 */
export async function searchStatuses(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const choices = await statusChoices(this);
	return { results: choices.filter((choice) => matches(filter, choice.name, choice.value)) };
}

/** Items of the picked pipeline, newest activity first, searchable by contact name. */
export async function searchPipelineItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pipelineId = selectedId(this, 'pipelineId');
	if (!pipelineId) return { results: [] };
	const page = Number(paginationToken) || 1;
	const client = clientFor(this);
	// Without a StatusFilter LACRM returns only items in active statuses; won and lost items must be pickable too.
	const statuses = await client.callAll('GetPipelineStatuses', { PipelineId: pipelineId });
	const answer = await client.page(
		'GetPipelineItems',
		{
			PipelineId: pipelineId,
			StatusFilter: statuses.map((status) => status.StatusId),
			SortBy: 'LastUpdate',
			SortDirection: 'Descending',
		},
		{ number: page, size: 200 },
	);
	const results = answer.items
		.map((item) => ({
			name: `${item.ContactMetaData?.Name ?? item.ContactId} — ${item.StatusMetaData?.Name ?? item.StatusId}`,
			value: item.PipelineItemId,
		}))
		.filter((item) => matches(filter, item.name));
	return { results, paginationToken: answer.hasMore ? String(page + 1) : undefined };
}

export async function searchTeams(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const teams = await clientFor(this).callAll('GetTeams', {});
	return filtered(
		teams.map((team) => ({ name: team.Name, value: team.TeamId })),
		filter,
	);
}

export async function searchCustomFields(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const fields = await clientFor(this).callAll('GetCustomFields', {});
	return filtered(
		fields.map((field) => ({
			name: `${field.Name} (${field.RecordType}, ${field.Type})`,
			value: field.CustomFieldId,
		})),
		filter,
	);
}

export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const webhooks = await clientFor(this).callAll('GetWebhooks', {});
	return filtered(
		webhooks.map((webhook) => ({
			name: `${webhook.EndpointUrl} (${webhook.SubscribedEvents.join(', ')})`,
			value: webhook.WebhookId,
		})),
		filter,
	);
}
