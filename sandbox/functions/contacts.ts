import { ApiError } from '../core/errors';
import { dateOf, formatDateTime } from '../core/dates';
import {
	FIELD_TYPES,
	normalizeCompanyName,
	type Address,
	type Contact,
	type Store,
	type TypedText,
} from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { applyCustomFieldInput, customFieldFilter, renderCustomFields } from './customFieldValues';
import { compileFilters, normalizeFilterName, type FilterField } from './filters';
import { employerName, fullName, userMeta } from './meta';
import { paginate, sortBy } from './paging';

/**
 * Contacts and companies (companies are contacts with IsCompany=true). LACRM behaviours modelled
 * here: Name in as one string, out as parts; Email/Phone/Website in as string | string[] |
 * {Text,Type}[], out as {Text,Type,TypeId}[]; unique company names; a person's `Company Name`
 * links to the existing company of that name or creates it; custom fields keyed by display name.
 */

export interface NameParts {
	Salutation: string;
	FirstName: string;
	MiddleName: string;
	LastName: string;
	Suffix: string;
}

const SALUTATIONS = new Set([
	'mr',
	'mrs',
	'ms',
	'miss',
	'mx',
	'dr',
	'prof',
	'rev',
	'sir',
	'madam',
	'fr',
	'hon',
]);
const SUFFIXES = new Set([
	'jr',
	'sr',
	'ii',
	'iii',
	'iv',
	'v',
	'phd',
	'md',
	'esq',
	'dds',
	'cpa',
	'rn',
]);
const bare = (token: string): string => token.toLowerCase().replace(/[.,]/g, '');

/** LACRM parses the single Name string into parts; this does the common Western cases. */
export function parseName(full: string): NameParts {
	const tokens = full
		.trim()
		.split(/\s+/)
		.filter((t) => t !== '');
	const parts: NameParts = {
		Salutation: '',
		FirstName: '',
		MiddleName: '',
		LastName: '',
		Suffix: '',
	};
	if (tokens.length > 1 && SALUTATIONS.has(bare(tokens[0])))
		parts.Salutation = tokens.shift() as string;
	if (tokens.length > 1 && SUFFIXES.has(bare(tokens[tokens.length - 1]))) {
		parts.Suffix = tokens.pop() as string;
		tokens[tokens.length - 1] = tokens[tokens.length - 1].replace(/,$/, '');
	}
	if (tokens.length === 1) parts.FirstName = tokens[0];
	else if (tokens.length >= 2) {
		parts.FirstName = tokens[0];
		parts.LastName = tokens[tokens.length - 1];
		parts.MiddleName = tokens.slice(1, -1).join(' ');
	}
	return parts;
}

type TypedKind = 'Email' | 'Phone' | 'Website';

function typeIdOf(kind: keyof typeof FIELD_TYPES, type: unknown, fn: string): number {
	if (type === undefined || type === null || type === '') return 1; // blank = the first type
	const list = FIELD_TYPES[kind];
	const index =
		typeof type === 'string' ? list.findIndex((t) => t.toLowerCase() === type.toLowerCase()) : -1;
	if (index < 0) {
		throw new ApiError(
			`invalid-type:${fn}:${kind}`,
			`'${String(type)}' is not a valid ${kind} type. Valid types: ${list.join(', ')}.`,
		);
	}
	return index + 1;
}

/** string | string[] | {Text, Type}[] → stored list. `{Email: …}`/`{Phone: …}` (the tutorial's key) is accepted too. */
export function normalizeTypedList(kind: TypedKind, value: unknown, fn: string): TypedText[] {
	if (value === null || value === undefined || value === '') return [];
	const items = Array.isArray(value) ? value : [value];
	const out: TypedText[] = [];
	for (const item of items) {
		if (typeof item === 'string') {
			if (item.trim() !== '') out.push({ Text: item.trim(), TypeId: 1 });
			continue;
		}
		if (!item || typeof item !== 'object') {
			throw new ApiError(
				`invalid-multi:${fn}:${kind}`,
				`'${kind}' must be a string, an array of strings or an array of {Text, Type} objects.`,
			);
		}
		const obj = item as Record<string, unknown>;
		const text = obj.Text ?? obj[kind];
		if (typeof text !== 'string') {
			throw new ApiError(
				`invalid-multi:${fn}:${kind}`,
				`Each '${kind}' object needs a Text value.`,
			);
		}
		if (text.trim() !== '') out.push({ Text: text.trim(), TypeId: typeIdOf(kind, obj.Type, fn) });
	}
	return out;
}

const ADDRESS_PARTS = ['Street', 'City', 'State', 'Zip', 'Country'] as const;

export function normalizeAddresses(value: unknown, fn: string): Address[] {
	if (value === null || value === undefined || value === '') return [];
	const items = Array.isArray(value) ? value : [value];
	return items.map((item) => {
		if (!item || typeof item !== 'object' || Array.isArray(item)) {
			throw new ApiError(
				`invalid-address:${fn}`,
				`'Address' must be an array of {Street, City, State, Zip, Country, Type} objects.`,
			);
		}
		const obj = item as Record<string, unknown>;
		const address = { TypeId: typeIdOf('Address', obj.Type, fn) } as Address;
		for (const part of ADDRESS_PARTS) {
			const v = obj[part];
			if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') {
				throw new ApiError(`invalid-address:${fn}`, `Address ${part} must be text.`);
			}
			address[part] = v === undefined || v === null ? '' : String(v);
		}
		return address;
	});
}

function renderTyped(kind: keyof typeof FIELD_TYPES, list: readonly TypedText[]) {
	return list.map((e) => ({
		Text: e.Text,
		Type: FIELD_TYPES[kind][e.TypeId - 1],
		TypeId: e.TypeId,
	}));
}

function customFieldsOf(store: Store, c: Contact) {
	return store.customFieldsFor(c.IsCompany ? 'Company' : 'Contact');
}

/** The GetContact shape. AssignedTo is a JSON number here, as in real contact responses (REFERENCE §6). */
export function serializeContact(store: Store, c: Contact): Record<string, unknown> {
	const company = c.CompanyId ? store.contacts.get(c.CompanyId) : undefined;
	const out: Record<string, unknown> = {
		ContactId: c.ContactId,
		AssignedTo: Number(c.AssignedTo),
		IsCompany: c.IsCompany,
		CompanyId: c.IsCompany ? null : c.CompanyId,
		Name: {
			Salutation: c.Salutation,
			FirstName: c.FirstName,
			MiddleName: c.MiddleName,
			LastName: c.LastName,
			Suffix: c.Suffix,
		},
		Email: renderTyped('Email', c.Email),
		Phone: renderTyped('Phone', c.Phone),
		Address: c.Address.map((a) => ({ ...a, Type: FIELD_TYPES.Address[a.TypeId - 1] })),
		Website: renderTyped('Website', c.Website),
		'Company Name': employerName(store, c),
		'Job Title': c.JobTitle,
		'Background Info': c.BackgroundInfo,
		Birthday: c.Birthday,
		DateCreated: formatDateTime(c.DateCreated),
		LastUpdate: formatDateTime(c.LastUpdate),
		UserMetaData: userMeta(store, c.AssignedTo),
		CompanyMetaData: company ? { CompanyName: company.CompanyName } : null,
	};
	renderCustomFields(customFieldsOf(store, c), c.Custom, out);
	return out;
}

/** Companies have no birthday (REFERENCE.md Corrections); only a person's record takes one. */
function refuseCompanyBirthday(fn: string, birthday: string | null | undefined): void {
	if (birthday !== null && birthday !== undefined && birthday.trim() !== '') {
		throw new ApiError(
			`company-birthday:${fn}`,
			`Companies have no 'Birthday'; only contacts (IsCompany=false) do.`,
		);
	}
}

function assertUniqueCompanyName(store: Store, name: string, fn: string, selfId?: string): void {
	const existing = store.companyByName.get(normalizeCompanyName(name));
	if (existing !== undefined && existing !== selfId) {
		throw new ApiError(
			`duplicate-company:${fn}`,
			`A company named '${name.trim()}' already exists (ContactId ${existing}); company names must be unique.`,
		);
	}
}

export function blankContact(
	id: string,
	now: number,
	assignedTo: string,
	isCompany: boolean,
): Contact {
	return {
		ContactId: id,
		IsCompany: isCompany,
		AssignedTo: assignedTo,
		Salutation: '',
		FirstName: '',
		MiddleName: '',
		LastName: '',
		Suffix: '',
		CompanyName: '',
		CompanyId: null,
		Email: [],
		Phone: [],
		Website: [],
		Address: [],
		JobTitle: '',
		BackgroundInfo: '',
		Birthday: null,
		DateCreated: now,
		LastUpdate: now,
		Custom: null,
	};
}

export function insertContact(store: Store, c: Contact): void {
	store.contacts.set(c.ContactId, c);
	if (c.IsCompany) store.companyByName.set(normalizeCompanyName(c.CompanyName), c.ContactId);
}

/**
 * Find the company a person's `Company Name` points at, or plan its creation. Returns a function
 * that performs the write, so callers can finish validating before anything changes.
 */
function planCompanyLink(
	store: Store,
	name: string,
	assignedTo: string,
	now: number,
): { companyId: string; commit: () => void } {
	const existing = store.companyNamed(name);
	if (existing) return { companyId: existing.ContactId, commit: () => undefined };
	const company = blankContact(store.newId(), now, assignedTo, true);
	company.CompanyName = name.trim();
	return { companyId: company.ContactId, commit: () => insertContact(store, company) };
}

function userMustExist(store: Store, userId: string, fn: string, param: string): void {
	if (!store.users.has(userId))
		throw new ApiError(
			`unknown-user:${fn}:${param}`,
			`'${param}': no user with UserId '${userId}' exists in this account.`,
		);
}

export interface NewContactInput {
	isCompany: boolean;
	assignedTo: string;
	name: string;
	companyName?: string | null;
	email?: unknown;
	phone?: unknown;
	website?: unknown;
	address?: unknown;
	jobTitle?: string | null;
	backgroundInfo?: string | null;
	birthday?: string | null;
	custom?: Record<string, unknown>;
}

/** Validate and insert a contact or company. Shared by CreateContact and public-form submissions. */
export function createContact(
	store: Store,
	fn: string,
	now: number,
	input: NewContactInput,
): Contact {
	userMustExist(store, input.assignedTo, fn, 'AssignedTo');
	const c = blankContact(store.newId(), now, input.assignedTo, input.isCompany);
	if (input.isCompany) {
		refuseCompanyBirthday(fn, input.birthday);
		assertUniqueCompanyName(store, input.name, fn);
		c.CompanyName = input.name.trim();
	} else {
		Object.assign(c, parseName(input.name));
	}
	c.Email = normalizeTypedList('Email', input.email, fn);
	c.Phone = normalizeTypedList('Phone', input.phone, fn);
	c.Website = normalizeTypedList('Website', input.website, fn);
	c.Address = normalizeAddresses(input.address, fn);
	c.JobTitle = input.jobTitle ?? '';
	c.BackgroundInfo = input.backgroundInfo ?? '';
	c.Birthday = input.birthday ?? null;
	c.Custom = applyCustomFieldInput({
		store,
		fn,
		fields: store.customFieldsFor(input.isCompany ? 'Company' : 'Contact'),
		input: input.custom ?? {},
		existing: null,
		creating: true,
		recordLabel: input.isCompany ? 'company' : 'contact',
	});
	let link: { companyId: string; commit: () => void } | null = null;
	if (!input.isCompany && input.companyName && input.companyName.trim() !== '') {
		link = planCompanyLink(store, input.companyName, input.assignedTo, now);
	}
	// Everything is validated; from here on the call cannot fail half-way.
	if (link) {
		link.commit();
		c.CompanyId = link.companyId;
	}
	insertContact(store, c);
	return c;
}

function CreateContact(ctx: CallContext) {
	const { p, store } = ctx;
	const isCompany = p.bool('IsCompany') === true;
	const name = isCompany ? p.str('Company Name') || p.str('Name') : p.str('Name');
	if (!name || name.trim() === '') {
		throw new ApiError(
			'missing-parameter:CreateContact:Name',
			isCompany
				? `'Name' parameter is required for CreateContact (for a company, 'Company Name' is accepted instead).`
				: `'Name' parameter is required for CreateContact.`,
		);
	}
	const c = createContact(store, ctx.fn, ctx.now, {
		isCompany,
		assignedTo: p.req('AssignedTo'),
		name,
		companyName: isCompany ? null : p.str('Company Name'),
		email: p.raw('Email'),
		phone: p.raw('Phone'),
		website: p.raw('Website'),
		address: p.raw('Address'),
		jobTitle: p.str('Job Title'),
		backgroundInfo: p.str('Background Info'),
		birthday: p.str('Birthday'),
		custom: ctx.extras,
	});
	ctx.emit('Contact.Create', { Contacts: [serializeContact(store, c)] });
	return { ContactId: c.ContactId };
}

function EditContact(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const c = store.contact(p.req('ContactId'));
	const next: Contact = { ...c };
	const changes: Array<() => void> = [];

	if (
		p.has('IsCompany') &&
		p.bool('IsCompany') !== undefined &&
		p.bool('IsCompany') !== c.IsCompany
	) {
		next.IsCompany = p.bool('IsCompany') as boolean;
		if (next.IsCompany) {
			next.CompanyName = (p.str('Company Name') || p.str('Name') || fullName(c)).trim();
			next.CompanyId = null;
		} else {
			// A former company keeps its name as the person's name unless a new Name is given.
			Object.assign(next, parseName(c.CompanyName));
			next.CompanyName = '';
		}
	}
	if (p.has('AssignedTo')) {
		if (p.isNull('AssignedTo'))
			throw new ApiError(
				'blank-assigned-to:EditContact',
				`'AssignedTo' can't be cleared: every contact is assigned to a user.`,
			);
		userMustExist(store, p.req('AssignedTo'), fn, 'AssignedTo');
		next.AssignedTo = p.req('AssignedTo');
	}
	if (next.IsCompany) {
		const nameKey = p.has('Company Name') ? 'Company Name' : p.has('Name') ? 'Name' : null;
		if (nameKey) {
			const newName = p.str(nameKey);
			if (!newName || newName.trim() === '')
				throw new ApiError('blank-company-name:EditContact', `A company's name can't be blank.`);
			next.CompanyName = newName.trim();
		}
		assertUniqueCompanyName(store, next.CompanyName, fn, c.ContactId);
	} else {
		if (p.has('Name')) {
			const name = p.str('Name');
			if (!name || name.trim() === '')
				throw new ApiError('blank-name:EditContact', `'Name' can't be blank.`);
			Object.assign(next, parseName(name));
		}
		if (p.has('Company Name')) {
			const companyName = p.str('Company Name');
			if (!companyName || companyName.trim() === '') {
				next.CompanyId = null;
				next.CompanyName = '';
			} else {
				const link = planCompanyLink(store, companyName, next.AssignedTo, ctx.now);
				next.CompanyId = link.companyId;
				next.CompanyName = '';
				changes.push(link.commit);
			}
		}
	}
	if (p.has('Email')) next.Email = normalizeTypedList('Email', p.raw('Email'), fn);
	if (p.has('Phone')) next.Phone = normalizeTypedList('Phone', p.raw('Phone'), fn);
	if (p.has('Website')) next.Website = normalizeTypedList('Website', p.raw('Website'), fn);
	if (p.has('Address')) next.Address = normalizeAddresses(p.raw('Address'), fn);
	if (p.has('Job Title')) next.JobTitle = p.str('Job Title') ?? '';
	if (p.has('Background Info')) next.BackgroundInfo = p.str('Background Info') ?? '';
	if (p.has('Birthday')) next.Birthday = p.str('Birthday') ?? null;
	if (next.IsCompany) {
		if (p.has('Birthday')) refuseCompanyBirthday(fn, next.Birthday);
		next.Birthday = null;
	}
	const typeChanged = next.IsCompany !== c.IsCompany;
	next.Custom = applyCustomFieldInput({
		store,
		fn,
		fields: store.customFieldsFor(next.IsCompany ? 'Company' : 'Contact'),
		input: ctx.extras,
		existing: typeChanged ? null : c.Custom,
		creating: false,
		recordLabel: next.IsCompany ? 'company' : 'contact',
	});
	next.LastUpdate = ctx.now;

	// Validated: apply.
	for (const change of changes) change();
	if (c.IsCompany) store.companyByName.delete(normalizeCompanyName(c.CompanyName));
	if (c.IsCompany && !next.IsCompany) unlinkEmployees(store, c.ContactId);
	Object.assign(c, next);
	if (c.IsCompany) store.companyByName.set(normalizeCompanyName(c.CompanyName), c.ContactId);
	// No webhook: LACRM sends none for contact edits (REFERENCE §13.3).
	return NOTHING;
}

function unlinkEmployees(store: Store, companyId: string): void {
	for (const other of store.contacts.values()) {
		if (other.CompanyId === companyId) {
			other.CompanyId = null;
			other.CompanyName = '';
		}
	}
}

/** Remove a contact and everything that only exists through it. */
export function deleteContactCascade(store: Store, contactId: string): void {
	const c = store.contact(contactId);
	store.contacts.delete(contactId);
	if (c.IsCompany) {
		store.companyByName.delete(normalizeCompanyName(c.CompanyName));
		unlinkEmployees(store, contactId);
	}
	for (const [id, n] of store.notes) if (n.ContactId === contactId) store.notes.delete(id);
	for (const [id, t] of store.tasks) if (t.ContactId === contactId) store.tasks.delete(id);
	for (const e of store.events.values())
		e.Attendees = e.Attendees.filter((a) => a.IsUser || a.AttendeeId !== contactId);
	for (const [id, m] of store.emails) {
		if (m.ContactIds.includes(contactId)) {
			m.ContactIds = m.ContactIds.filter((x) => x !== contactId);
			if (m.ContactIds.length === 0) store.emails.delete(id);
		}
	}
	for (const [id, f] of store.files) if (f.ParentId === contactId) store.files.delete(id);
	for (const g of store.groups.values()) g.Members.delete(contactId);
	for (const [id, item] of store.pipelineItems)
		if (item.ContactId === contactId) store.pipelineItems.delete(id);
	for (const [id, r] of store.relationships)
		if (r.ContactId1 === contactId || r.ContactId2 === contactId) store.relationships.delete(id);
}

function DeleteContact(ctx: CallContext) {
	const id = ctx.p.req('ContactId');
	deleteContactCascade(ctx.store, id);
	// No webhook: LACRM sends none for deletions (REFERENCE §13.3).
	return NOTHING;
}

function GetContact(ctx: CallContext) {
	return serializeContact(ctx.store, ctx.store.contact(ctx.p.req('ContactId')));
}

function GetContactsById(ctx: CallContext) {
	const found: Contact[] = [];
	for (const id of ctx.p.strings('ContactIds') ?? []) {
		const c = ctx.store.contacts.get(id);
		if (c) found.push(c);
		else if (ctx.unknownIdsInBulkReads === 'reject') ctx.store.contact(id, 'ContactIds');
	}
	return paginate(ctx, found, (c) => serializeContact(ctx.store, c));
}

function membershipsOf(store: Store, contactId: string): string[] {
	const out: string[] = [];
	for (const g of store.groups.values()) if (g.Members.has(contactId)) out.push(g.GroupId);
	return out;
}

/** The AdvancedFilters a contact search understands (REFERENCE §9) plus the account's custom fields. */
function contactFilterResolver(
	store: Store,
	now: number,
): (name: string) => FilterField<Contact> | undefined {
	const text = (values: (c: Contact) => string[]): FilterField<Contact> => ({
		kind: 'text',
		values,
	});
	const one = (get: (c: Contact) => string) => text((c) => [get(c)]);
	const address = (part: (typeof ADDRESS_PARTS)[number]) =>
		text((c) => c.Address.map((a) => a[part]));
	const builtIns: Record<string, FilterField<Contact>> = {
		name: one(fullName),
		fullname: one(fullName),
		firstname: one((c) => c.FirstName),
		middlename: one((c) => c.MiddleName),
		lastname: one((c) => c.LastName),
		salutation: one((c) => c.Salutation),
		suffix: one((c) => c.Suffix),
		email: text((c) => c.Email.map((e) => e.Text)),
		phone: text((c) => c.Phone.map((e) => e.Text)),
		website: text((c) => c.Website.map((e) => e.Text)),
		companyname: one((c) => employerName(store, c)),
		company: { kind: 'uid', value: (c) => (c.IsCompany ? null : c.CompanyId) },
		jobtitle: one((c) => c.JobTitle),
		backgroundinfo: one((c) => c.BackgroundInfo),
		street: address('Street'),
		city: address('City'),
		state: address('State'),
		zip: address('Zip'),
		country: address('Country'),
		dateentered: { kind: 'date', nullable: false, value: (c) => dateOf(c.DateCreated) },
		datecreated: { kind: 'date', nullable: false, value: (c) => dateOf(c.DateCreated) },
		dateupdated: { kind: 'date', nullable: false, value: (c) => dateOf(c.LastUpdate) },
		lastupdate: { kind: 'date', nullable: false, value: (c) => dateOf(c.LastUpdate) },
		birthday: { kind: 'date', nullable: true, value: (c) => c.Birthday },
		age: {
			kind: 'number',
			value: (c) => {
				if (!c.Birthday || c.Birthday.startsWith('0000')) return null;
				const today = dateOf(now);
				const years = Number(today.slice(0, 4)) - Number(c.Birthday.slice(0, 4));
				return today.slice(5) < c.Birthday.slice(5) ? years - 1 : years;
			},
		},
		group: {
			kind: 'special',
			operations: ['IsInGroupList', 'IsNotInGroupList', 'IsNotInAnyGroup'],
			build: (op, value, fn) => {
				if (op === 'IsNotInAnyGroup') return (c) => membershipsOf(store, c.ContactId).length === 0;
				if (!Array.isArray(value))
					throw new ApiError(
						`filter-value:${fn}`,
						`AdvancedFilters: 'Group' ${op} needs an array of GroupIds as its Value.`,
					);
				const members = value.map(
					(gid) => store.groups.get(String(gid))?.Members ?? new Set<string>(),
				);
				const inAny = (c: Contact) => members.some((m) => m.has(c.ContactId));
				return op === 'IsInGroupList' ? inAny : (c) => !inAny(c);
			},
		},
		pipeline: attachedItemFilter((opts) => {
			const status = typeof opts.Status === 'string' ? opts.Status : 'Both';
			const pipelineId = typeof opts.PipelineId === 'string' ? opts.PipelineId : null;
			return (c) => {
				for (const item of store.pipelineItems.values()) {
					if (item.ContactId !== c.ContactId || (pipelineId && item.PipelineId !== pipelineId))
						continue;
					const active = store.statuses.get(item.StatusId)?.IsActive ?? false;
					if (status === 'Both' || (status === 'Active') === active) return true;
				}
				return false;
			};
		}),
		cal: attachedItemFilter((opts) => {
			const type = typeof opts.Type === 'string' ? opts.Type : 'Both';
			const status = typeof opts.Status === 'string' ? opts.Status : null;
			return (c) => {
				if (type !== 'Event') {
					for (const t of store.tasks.values()) {
						if (t.ContactId !== c.ContactId) continue;
						if (status === null || (status === 'Completed') === t.IsCompleted) return true;
					}
				}
				if (type !== 'Task') {
					for (const e of store.events.values()) {
						if (!e.Attendees.some((a) => !a.IsUser && a.AttendeeId === c.ContactId)) continue;
						const completed = e.EndDate < now;
						if (status === null || (status === 'Completed') === completed) return true;
					}
				}
				return false;
			};
		}),
	};
	return (name) => {
		const builtIn = builtIns[name];
		if (builtIn) return builtIn;
		for (const recordType of ['Contact', 'Company'] as const) {
			for (const field of store.customFieldsFor(recordType)) {
				if (normalizeFilterName(field.Name) === name)
					return customFieldFilter<Contact>(field, (c) => c.Custom);
			}
		}
		return undefined;
	};
}

/**
 * The Pipeline and Cal filters: HasAttachedItem, or HasNoAttachedItem, of the kind the filter's
 * Value object describes (`hasItem` reads it).
 */
function attachedItemFilter(
	hasItem: (opts: Record<string, unknown>) => (c: Contact) => boolean,
): FilterField<Contact> {
	return {
		kind: 'special',
		operations: ['HasAttachedItem', 'HasNoAttachedItem'],
		build: (op, value) => {
			const has = hasItem(
				(value && typeof value === 'object' ? value : {}) as Record<string, unknown>,
			);
			return op === 'HasAttachedItem' ? has : (c) => !has(c);
		},
	};
}

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/**
 * SearchTerms: every whitespace-separated term must match the name, an email, a phone number
 * (digits compared, so "555 0100" finds "555-0100") or the company name. The score ranks name
 * matches above the rest for SortBy=Relevance.
 */
function searchScorer(store: Store, terms: string): ((c: Contact) => number) | null {
	const words = terms
		.toLowerCase()
		.split(/\s+/)
		.filter((w) => w !== '');
	if (words.length === 0) return null;
	return (c) => {
		const name = fullName(c).toLowerCase();
		const company = employerName(store, c).toLowerCase();
		let score = 0;
		for (const w of words) {
			const wDigits = digitsOf(w);
			if (name.startsWith(w) || name.includes(' ' + w)) score += 3;
			else if (name.includes(w)) score += 2;
			else if (company.includes(w) || c.Email.some((e) => e.Text.toLowerCase().includes(w)))
				score += 1;
			else if (wDigits.length >= 3 && c.Phone.some((ph) => digitsOf(ph.Text).includes(wDigits)))
				score += 1;
			else return 0;
		}
		return score;
	};
}

function GetContacts(ctx: CallContext) {
	const { p, store } = ctx;
	const recordType = p.str('RecordTypeFilter');
	const owners = p.strings('OwnerFilter');
	const ownerSet = owners && owners.length > 0 ? new Set(owners) : null;
	const scorer = searchScorer(store, p.str('SearchTerms') ?? '');
	const filter = compileFilters(
		ctx.fn,
		p.raw('AdvancedFilters'),
		contactFilterResolver(store, ctx.now),
	);
	const scores = new Map<string, number>();
	const matches: Contact[] = [];
	for (const c of store.contacts.values()) {
		if (recordType === 'Contacts' && c.IsCompany) continue;
		if (recordType === 'Companies' && !c.IsCompany) continue;
		if (ownerSet && !ownerSet.has(c.AssignedTo)) continue;
		if (scorer) {
			const score = scorer(c);
			if (score === 0) continue;
			scores.set(c.ContactId, score);
		}
		if (filter && !filter(c)) continue;
		matches.push(c);
	}
	const descending = (p.str('SortDirection') ?? 'Descending') === 'Descending';
	const sortKey = p.str('SortBy') ?? 'Relevance';
	let key: (c: Contact) => string | number;
	switch (sortKey) {
		case 'FirstName':
			key = (c) => (c.IsCompany ? c.CompanyName : c.FirstName).toLowerCase();
			break;
		case 'LastName':
			key = (c) => (c.IsCompany ? c.CompanyName : c.LastName).toLowerCase();
			break;
		case 'CompanyName':
			key = (c) => employerName(store, c).toLowerCase();
			break;
		case 'LastUpdate':
			key = (c) => c.LastUpdate;
			break;
		case 'DateCreated':
			key = (c) => c.DateCreated;
			break;
		default:
			// Relevance: the search score; without search terms, the creation order.
			key = scorer ? (c) => scores.get(c.ContactId) ?? 0 : (c) => c.DateCreated;
	}
	return paginate(ctx, sortBy(matches, key, descending), (c) => serializeContact(store, c));
}

export const contactFunctions: HandlerTable = {
	CreateContact,
	EditContact,
	DeleteContact,
	GetContact,
	GetContactsById,
	GetContacts,
};
