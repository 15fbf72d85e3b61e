/** Plain dropdowns and multi-selects. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { CustomField } from '../transport/types';
import { clientFor } from './context';
import { statusChoices } from './statuses';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await clientFor(this).callAll('GetUsers', {});
	return users
		.map((user) => ({
			name: `${user.FirstName} ${user.LastName}`.trim(),
			value: String(user.UserId),
		}))
		.sort(byName);
}

export async function getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const calendars = await clientFor(this).callAll('GetCalendars', {});
	return calendars
		.map((calendar) => ({ name: calendar.Name || calendar.CalendarId, value: calendar.CalendarId }))
		.sort(byName);
}

export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const teams = await clientFor(this).callAll('GetTeams', {});
	return teams.map((team) => ({ name: team.Name, value: team.TeamId })).sort(byName);
}

export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await clientFor(this).callAll('GetGroups', {});
	return groups.map((group) => ({ name: group.Name, value: group.GroupId })).sort(byName);
}

/**
 * Statuses of the pipeline picked in the same node, for status filters (the trigger's too): in
 * pipeline order, and named "Pipeline → Status" while no pipeline is picked.
 */
export async function getStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await statusChoices(this);
}

const WRITABLE = (field: CustomField) =>
	!['Section', 'SectionHeader', 'TextBlock', 'Signature'].includes(field.Type);

async function customFieldNames(ctx: ILoadOptionsFunctions, recordType: 'Contact' | 'Company') {
	const fields = await clientFor(ctx).callAll('GetCustomFields', { RecordType: recordType });
	return fields
		.filter(WRITABLE)
		.map((field) => ({ name: field.Name, value: field.Name }))
		.sort(byName);
}

export async function getContactCustomFieldNames(this: ILoadOptionsFunctions) {
	return await customFieldNames(this, 'Contact');
}

export async function getCompanyCustomFieldNames(this: ILoadOptionsFunctions) {
	return await customFieldNames(this, 'Company');
}
