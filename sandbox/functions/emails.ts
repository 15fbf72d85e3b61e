import { ApiError } from '../core/errors';
import { formatDateTime } from '../core/dates';
import type { EmailAddress, LoggedEmail, Store } from '../store';
import type { CallContext, HandlerTable } from './context';
import { idSet, instantOf, windowOf } from './common';
import { contactMeta } from './meta';
import { sortedPage } from './paging';
import { attachedToContact, deleteRecord, getRecord, recordLookup } from './records';

/** Logged emails (the Email Logging feature), attached to one or more contacts. */

export function serializeEmail(store: Store, m: LoggedEmail): Record<string, unknown> {
	return {
		EmailId: m.EmailId,
		ContactIds: [...m.ContactIds],
		ContactMetaData: m.ContactIds.map((id) => contactMeta(store, id)).filter((x) => x !== null),
		From: { ...m.From },
		To: m.To.map((a) => ({ ...a })),
		Cc: m.Cc.map((a) => ({ ...a })),
		Subject: m.Subject,
		Body: m.Body,
		Date: formatDateTime(m.Date),
		UserId: m.UserId,
	};
}

function address(fn: string, param: string, value: unknown): EmailAddress {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new ApiError(
			`invalid-address:${fn}:${param}`,
			`'${param}' must be an object {Address, Name}.`,
		);
	}
	const v = value as Record<string, unknown>;
	if (typeof v.Address !== 'string' || v.Address.trim() === '') {
		throw new ApiError(
			`missing-address:${fn}:${param}`,
			`'${param}': Address is required in every {Address, Name} object.`,
		);
	}
	return { Address: v.Address.trim(), Name: typeof v.Name === 'string' ? v.Name : '' };
}

const emailOf = recordLookup('email', 'EmailId', (store) => store.emails);

function CreateEmail(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const contactIds = [...new Set(p.strings('ContactIds') ?? [])];
	if (contactIds.length === 0)
		throw new ApiError(
			'missing-parameter:CreateEmail:ContactIds',
			`'ContactIds' must list at least one contact.`,
		);
	for (const id of contactIds) store.contact(id);
	const to = (p.array('To') ?? []).map((a) => address(fn, 'To', a));
	if (to.length === 0)
		throw new ApiError(
			'missing-parameter:CreateEmail:To',
			`'To' must list at least one recipient.`,
		);
	const email: LoggedEmail = {
		EmailId: store.newId(),
		ContactIds: contactIds,
		UserIsSender: p.bool('UserIsSender') ?? false,
		From: address(fn, 'From', p.raw('From')),
		To: to,
		Cc: (p.array('Cc') ?? []).map((a) => address(fn, 'Cc', a)),
		Subject: p.str('Subject') ?? '',
		Body: p.req('Body'),
		Date: instantOf(p.req('Date')),
		UserId: ctx.user.UserId,
		DateCreated: ctx.now,
	};
	store.emails.set(email.EmailId, email);
	return { EmailId: email.EmailId };
}

function GetEmails(ctx: CallContext) {
	const { p, store } = ctx;
	const { from, to } = windowOf(p, 'DateFilterStart', 'DateFilterEnd');
	const users = idSet(p, 'UserFilter');
	const contactId = p.str('ContactId');
	let contactIds: Set<string> | null = null;
	if (contactId) {
		const contact = store.contact(contactId);
		contactIds = new Set([contactId]);
		// With a company: also the emails of the people who work there.
		if (contact.IsCompany && p.bool('GetContactsAtCompanyEmails')) {
			for (const c of store.contacts.values())
				if (c.CompanyId === contactId) contactIds.add(c.ContactId);
		}
	}
	const matches: LoggedEmail[] = [];
	for (const m of store.emails.values()) {
		if (m.Date < from || m.Date > to) continue;
		if (users && !users.has(m.UserId)) continue;
		if (contactIds && !m.ContactIds.some((id) => contactIds.has(id))) continue;
		matches.push(m);
	}
	return sortedPage(ctx, matches, (m) => m.Date, 'Descending', serializeEmail);
}

const GetEmailsAttachedToContact = attachedToContact(
	emailOf,
	(m, contactId) => m.ContactIds.includes(contactId),
	serializeEmail,
	{ key: (m) => m.Date, descending: true },
);

export const emailFunctions: HandlerTable = {
	CreateEmail,
	GetEmail: getRecord(emailOf, serializeEmail),
	GetEmails,
	GetEmailsAttachedToContact,
	DeleteEmail: deleteRecord(emailOf),
};
