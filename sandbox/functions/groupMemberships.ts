import { ApiError } from '../core/errors';
import type { Group } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { serializeContact } from './contacts';
import { groupNamed, groupOf, serializeGroup } from './groups';
import { contactMeta } from './meta';
import { paginate } from './paging';

/**
 * Memberships link a contact to a group and have no id of their own. The group is named by
 * GroupId or by GroupName, never both (REFERENCE §12).
 */

function resolveGroup(ctx: CallContext): Group {
	const { p, store, fn } = ctx;
	const id = p.str('GroupId');
	const name = p.str('GroupName');
	if (id && name)
		throw new ApiError(
			`group-id-and-name:${fn}`,
			`Give either 'GroupId' or 'GroupName' for ${fn}, not both.`,
		);
	if (id) return groupOf(store, id);
	if (name) {
		const g = groupNamed(store, name);
		if (!g) throw new ApiError(`not-found:group-name`, `No group named '${name}' was found.`);
		return g;
	}
	throw new ApiError(
		`missing-parameter:${fn}:GroupId`,
		`'GroupId' or 'GroupName' is required for ${fn}.`,
	);
}

function CreateGroupMembership(ctx: CallContext) {
	const contact = ctx.store.contact(ctx.p.req('ContactId'));
	const group = resolveGroup(ctx);
	if (!group.Members.has(contact.ContactId)) {
		group.Members.add(contact.ContactId);
		ctx.emit('GroupMembership.Create', {
			Group: serializeGroup(group),
			Contacts: [serializeContact(ctx.store, contact)],
		});
	}
	return NOTHING;
}

/**
 * Removing a contact that is not in the group succeeds without doing anything. No webhook either
 * way: LACRM sends none for removals from groups (REFERENCE §13.3).
 */
function DeleteGroupMembership(ctx: CallContext) {
	const contact = ctx.store.contact(ctx.p.req('ContactId'));
	const group = resolveGroup(ctx);
	group.Members.delete(contact.ContactId);
	return NOTHING;
}

function GetGroupsAttachedToContact(ctx: CallContext) {
	const contact = ctx.store.contact(ctx.p.req('ContactId'));
	const groups = [...ctx.store.groups.values()].filter((g) => g.Members.has(contact.ContactId));
	return paginate(ctx, groups, (g) => ({
		ContactId: contact.ContactId,
		GroupId: g.GroupId,
		GroupMetaData: { Name: g.Name },
	}));
}

function GetContactsInGroup(ctx: CallContext) {
	const group = resolveGroup(ctx);
	return paginate(ctx, [...group.Members], (id) => ({
		ContactId: id,
		GroupId: group.GroupId,
		ContactMetaData: contactMeta(ctx.store, id),
	}));
}

export const groupMembershipFunctions: HandlerTable = {
	CreateGroupMembership,
	DeleteGroupMembership,
	GetGroupsAttachedToContact,
	GetContactsInGroup,
};
