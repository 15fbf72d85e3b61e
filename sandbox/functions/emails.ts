import { ApiError, notFound } from '../core/errors';
import { formatDateTime } from '../core/dates';
import type { EmailAddress, LoggedEmail, Store } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { idSet, instantOf, windowOf } from './common';
import { contactMeta } from './meta';
import { paginate, sortBy } from './paging';

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

function emailOf(store: Store, id: string): LoggedEmail {
	const m = store.emails.get(id);
	if (!m) throw notFound('email', 'EmailId', id);
	return m;
}

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

function GetEmail(ctx: CallContext) {
	return serializeEmail(ctx.store, emailOf(ctx.store, ctx.p.req('EmailId')));
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
	const descending = (p.str('SortDirection') ?? 'Descending') === 'Descending';
	return paginate(
		ctx,
		sortBy(matches, (m) => m.Date, descending),
		(m) => serializeEmail(store, m),
	);
}

function GetEmailsAttachedToContact(ctx: CallContext) {
	const contact = ctx.store.contact(ctx.p.req('ContactId'));
	const emails = [...ctx.store.emails.values()].filter((m) =>
		m.ContactIds.includes(contact.ContactId),
	);
	return paginate(
		ctx,
		sortBy(emails, (m) => m.Date, true),
		(m) => serializeEmail(ctx.store, m),
	);
}

function DeleteEmail(ctx: CallContext) {
	const m = emailOf(ctx.store, ctx.p.req('EmailId'));
	ctx.store.emails.delete(m.EmailId);
	return NOTHING;
}

export const emailFunctions: HandlerTable = {
	CreateEmail,
	GetEmail,
	GetEmails,
	GetEmailsAttachedToContact,
	DeleteEmail,
};
