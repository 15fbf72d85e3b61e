import { ApiError } from '../core/errors';
import { formatDateTime } from '../core/dates';
import type { Store, Team } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { blankName, nonBlank } from './common';
import { editRecord, getRecord, recordLookup } from './records';

/** Teams (settings). Admins see every team, other users the teams they belong to. */

function serializeTeam(t: Team): Record<string, unknown> {
	return {
		TeamId: t.TeamId,
		Name: t.Name,
		DateCreated: formatDateTime(t.DateCreated),
		UserIds: [...t.UserIds],
	};
}

const teamOf = recordLookup('team', 'TeamId', (store) => store.teams);

function checkUsers(store: Store, fn: string, ids: string[]): string[] {
	for (const id of ids) {
		if (!store.users.has(id))
			throw new ApiError(
				`unknown-user:${fn}:UserIdList`,
				`'UserIdList': no user with UserId '${id}' exists in this account.`,
			);
	}
	return [...new Set(ids)];
}

function requireAdmin(ctx: CallContext): void {
	if (!ctx.user.IsAdmin)
		throw new ApiError(`admin-only:${ctx.fn}`, `Only account administrators can use ${ctx.fn}.`);
}

function CreateTeam(ctx: CallContext) {
	const team: Team = {
		TeamId: ctx.store.newId(),
		Name: ctx.p.req('Name').trim(),
		DateCreated: ctx.now,
		UserIds: checkUsers(ctx.store, ctx.fn, ctx.p.strings('UserIdList') ?? []),
	};
	ctx.store.teams.set(team.TeamId, team);
	return { TeamId: team.TeamId };
}

const EditTeam = editRecord(teamOf, (next, { p, store, fn }) => {
	if (p.has('Name')) next.Name = nonBlank(p.str('Name')?.trim(), ...blankName(fn, "A team's"));
	if (p.has('UserIdList')) next.UserIds = checkUsers(store, fn, p.strings('UserIdList') ?? []);
});

/** Account owner/admins only (REFERENCE §12 DeleteTeam). */
function DeleteTeam(ctx: CallContext) {
	requireAdmin(ctx);
	const team = teamOf(ctx.store, ctx.p.req('TeamId'));
	ctx.store.teams.delete(team.TeamId);
	for (const g of ctx.store.groups.values())
		g.TeamIds = g.TeamIds.filter((id) => id !== team.TeamId);
	for (const p of ctx.store.pipelines.values())
		p.TeamIds = p.TeamIds.filter((id) => id !== team.TeamId);
	return NOTHING;
}

function GetTeams(ctx: CallContext) {
	return [...ctx.store.teams.values()]
		.filter((t) => ctx.user.IsAdmin || t.UserIds.includes(ctx.user.UserId))
		.map(serializeTeam);
}

export const teamFunctions: HandlerTable = {
	CreateTeam,
	EditTeam,
	DeleteTeam,
	GetTeam: getRecord(teamOf, (_store, t) => serializeTeam(t)),
	GetTeams,
};
