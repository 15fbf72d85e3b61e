import { ApiError } from '../core/errors';
import type { Group, Store } from '../store';
import type { CallContext, HandlerTable } from './context';
import { checkTeamIds } from './common';
import { paginate } from './paging';
import { deleteRecord, editRecord, getRecord, recordLookup } from './records';

/** Group definitions (settings). Names are unique within the account, compared case-insensitively. */

export function serializeGroup(g: Group, withCount = false): Record<string, unknown> {
	const out: Record<string, unknown> = {
		GroupId: g.GroupId,
		Name: g.Name,
		Sharing: g.Sharing,
		TeamIds: [...g.TeamIds],
		Color: g.Color,
	};
	if (withCount) out.NumberOfContacts = g.Members.size;
	return out;
}

export const groupOf = recordLookup('group', 'GroupId', (store) => store.groups);

export function groupNamed(store: Store, name: string): Group | undefined {
	const wanted = name.trim().toLowerCase();
	for (const g of store.groups.values()) if (g.Name.toLowerCase() === wanted) return g;
	return undefined;
}

function assertUniqueName(store: Store, fn: string, name: string, selfId?: string): void {
	const other = groupNamed(store, name);
	if (other && other.GroupId !== selfId)
		throw new ApiError(
			`duplicate-group:${fn}`,
			`A group named '${other.Name}' already exists; group names must be unique.`,
		);
}

function checkTeams(store: Store, fn: string, sharing: string, teamIds: string[]): void {
	checkTeamIds(store, fn, teamIds, sharing === 'Teams', 'Sharing is Teams');
}

function CreateGroup(ctx: CallContext) {
	const { p, store } = ctx;
	const name = p.req('Name').trim();
	assertUniqueName(store, ctx.fn, name);
	const sharing = p.str('Sharing') ?? 'Private';
	const teamIds = p.strings('TeamIds') ?? [];
	checkTeams(store, ctx.fn, sharing, teamIds);
	const group: Group = {
		GroupId: store.newId(),
		Name: name,
		Sharing: sharing,
		TeamIds: teamIds,
		Color: p.str('Color') ?? '',
		DateCreated: ctx.now,
		Members: new Set(),
	};
	store.groups.set(group.GroupId, group);
	return { GroupId: group.GroupId };
}

const EditGroup = editRecord(groupOf, (next, { p, store, fn }, group) => {
	if (p.has('Name')) {
		const name = p.str('Name')?.trim();
		if (!name) throw new ApiError('blank-name:EditGroup', `A group's 'Name' can't be blank.`);
		assertUniqueName(store, fn, name, group.GroupId);
		next.Name = name;
	}
	if (p.has('Sharing')) next.Sharing = p.str('Sharing') ?? 'Private';
	if (p.has('TeamIds')) next.TeamIds = p.strings('TeamIds') ?? [];
	if (p.has('Color')) next.Color = p.str('Color') ?? '';
	checkTeams(store, fn, next.Sharing, next.TeamIds);
});

function GetGroups(ctx: CallContext) {
	const withCount = ctx.p.bool('ReturnNumberOfContacts') === true;
	return paginate(ctx, [...ctx.store.groups.values()], (g) => serializeGroup(g, withCount));
}

export const groupFunctions: HandlerTable = {
	CreateGroup,
	EditGroup,
	DeleteGroup: deleteRecord(groupOf),
	GetGroup: getRecord(groupOf, (_store, g) => serializeGroup(g)),
	GetGroups,
};
