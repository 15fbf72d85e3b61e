import type { CallContext, HandlerTable } from './context';

/** Users (settings). Each API key and access token acts as one user; GetUser returns that user. */

function GetUser(ctx: CallContext) {
	const u = ctx.user;
	return {
		UserId: u.UserId,
		FirstName: u.FirstName,
		LastName: u.LastName,
		Timezone: u.Timezone,
		Email: u.Email,
	};
}

/** A bare array without Email. Sharing rules are not modelled, so every user sees every user. */
function GetUsers(ctx: CallContext) {
	return [...ctx.store.users.values()].map((u) => ({
		UserId: u.UserId,
		FirstName: u.FirstName,
		LastName: u.LastName,
		Timezone: u.Timezone,
	}));
}

export const userFunctions: HandlerTable = { GetUser, GetUsers };
