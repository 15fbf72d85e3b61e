import { ApiError, notFound } from '../core/errors';
import type { Group, Store } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { paginate } from './paging';

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

export function groupOf(store: Store, id: string): Group {
	const g = store.groups.get(id);
	if (!g) throw notFound('group', 'GroupId', id);
	return g;
}

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
	for (const id of teamIds) if (!store.teams.has(id)) throw notFound('team', 'TeamIds', id);
	if (sharing === 'Teams' && teamIds.length === 0) {
		throw new ApiError(
			`missing-parameter:${fn}:TeamIds`,
			`'TeamIds' is required when Sharing is Teams.`,
		);
	}
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

function EditGroup(ctx: CallContext) {
	const { p, store } = ctx;
	const group = groupOf(store, p.req('GroupId'));
	const next = { ...group };
	if (p.has('Name')) {
		const name = p.str('Name')?.trim();
		if (!name) throw new ApiError('blank-name:EditGroup', `A group's 'Name' can't be blank.`);
		assertUniqueName(store, ctx.fn, name, group.GroupId);
		next.Name = name;
	}
	if (p.has('Sharing')) next.Sharing = p.str('Sharing') ?? 'Private';
	if (p.has('TeamIds')) next.TeamIds = p.strings('TeamIds') ?? [];
	if (p.has('Color')) next.Color = p.str('Color') ?? '';
	checkTeams(store, ctx.fn, next.Sharing, next.TeamIds);
	Object.assign(group, next);
	return NOTHING;
}

function DeleteGroup(ctx: CallContext) {
	const group = groupOf(ctx.store, ctx.p.req('GroupId'));
	ctx.store.groups.delete(group.GroupId);
	return NOTHING;
}

function GetGroup(ctx: CallContext) {
	return serializeGroup(groupOf(ctx.store, ctx.p.req('GroupId')));
}

function GetGroups(ctx: CallContext) {
	const withCount = ctx.p.bool('ReturnNumberOfContacts') === true;
	return paginate(ctx, [...ctx.store.groups.values()], (g) => serializeGroup(g, withCount));
}

export const groupFunctions: HandlerTable = {
	CreateGroup,
	EditGroup,
	DeleteGroup,
	GetGroup,
	GetGroups,
};
