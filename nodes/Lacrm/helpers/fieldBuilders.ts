/**
 * Field builders: each builds the n8n parameter a user fills in AND the reader that turns what
 * they entered into the LACRM parameter value — validated, so bad input fails with a clear
 * NodeOperationError naming the field before any request is sent.
 */
import type { IDataObject, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withExplicitOffset } from './timeZone';

/** What a reader needs to explain a problem, and the workflow's time zone for date-times. */
export interface ReadContext {
	node: INode;
	itemIndex: number;
	/** The workflow's time zone (IANA name): date-times without an offset are read in it. */
	timeZone: string;
}

/** `K`: the LACRM parameters it may fill; an operation narrows it to its function's parameters. */
export interface Field<K extends string = string> {
	/** The LACRM parameter this field fills (may contain spaces, e.g. "Company Name"). */
	key: K;
	/** The n8n parameter (without displayOptions). */
	property: INodeProperties;
	/** Converts the entered value; `undefined` leaves the parameter out of the request. */
	read(raw: unknown, ctx: ReadContext): unknown;
	/** Edits may send null for this field to clear it in LACRM. */
	clearable?: boolean;
	/**
	 * False for a field the node reads but never sends under its key (its reader returns nothing,
	 * or the operation's `prepare` takes it out): it may sit beside any function's parameters.
	 */
	sent?: false;
}

/** A field the node reads but never sends under its key (see `Field.sent`). */
export type UnsentField = Field & { sent: false };

export function fieldError(
	ctx: Pick<ReadContext, 'node' | 'itemIndex'>,
	label: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(ctx.node, `Invalid "${label}": ${problem}`, {
		itemIndex: ctx.itemIndex,
		description,
	});
}

/** "Company Name" → "companyName" */
function parameterName(key: string): string {
	const words = key.split(/[^A-Za-z0-9]+/).filter(Boolean);
	return words
		.map((word, index) =>
			index === 0 ? word[0].toLowerCase() + word.slice(1) : word[0].toUpperCase() + word.slice(1),
		)
		.join('');
}

function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

interface BaseOptions<K extends string = string> {
	key: K;
	displayName?: string;
	/** For people and AI agents: what goes here and where to get it. */
	description?: string;
	required?: boolean;
	clearable?: boolean;
	name?: string;
}

function baseProperty(
	options: BaseOptions,
	rest: Partial<INodeProperties> & Pick<INodeProperties, 'type' | 'default'>,
): INodeProperties {
	return {
		displayName: options.displayName ?? options.key,
		name: options.name ?? parameterName(options.key),
		required: options.required ? true : undefined,
		description: options.description,
		...rest,
	} as INodeProperties;
}

/** A field: its n8n parameter, and its reader, given the label errors should name. */
function field<const K extends string>(
	options: BaseOptions<K>,
	property: Partial<INodeProperties> & Pick<INodeProperties, 'type' | 'default'>,
	read: (raw: unknown, ctx: ReadContext, label: string) => unknown,
): Field<K> {
	const label = options.displayName ?? options.key;
	return {
		key: options.key,
		clearable: options.clearable,
		property: baseProperty(options, property),
		read: (raw, ctx) => read(raw, ctx, label),
	};
}

// --- ids --------------------------------------------------------------------------------------

const UID_PATTERN = /^\d{1,40}$/;

/** Reads a LACRM id from a string, a number-looking string or a resource locator value. */
export function readUid(
	raw: unknown,
	ctx: ReadContext,
	label: string,
	required = false,
): string | undefined {
	const value =
		raw && typeof raw === 'object' && '__rl' in (raw as IDataObject)
			? (raw as IDataObject).value
			: raw;
	if (isBlank(value)) {
		if (required) throw fieldError(ctx, label, 'it is required');
		return undefined;
	}
	if (typeof value === 'number') {
		// A JS number cannot hold a 31-digit id exactly; refuse rather than send a wrong id.
		throw fieldError(
			ctx,
			label,
			`${value} arrived as a number, which cannot hold a LACRM ID exactly`,
			'LACRM IDs are up to 31 digits. Pass them as text: in an expression, use the ID field as-is (it is a string), do not convert it with Number() or parseInt().',
		);
	}
	const text = String(value).trim();
	if (!UID_PATTERN.test(text)) {
		throw fieldError(
			ctx,
			label,
			`"${text}" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)`,
		);
	}
	return text;
}

export type LocatorKind =
	| 'contact'
	| 'company'
	| 'contactOrCompany'
	| 'user'
	| 'group'
	| 'calendar'
	| 'pipeline'
	| 'status'
	| 'pipelineItem'
	| 'team'
	| 'customField'
	| 'webhook';

const LOCATOR_SEARCH: Record<
	LocatorKind,
	{ method: string; searchable: boolean; placeholder: string }
> = {
	contact: {
		method: 'searchContacts',
		searchable: true,
		placeholder: 'Search contacts by name, email or phone…',
	},
	company: {
		method: 'searchCompanies',
		searchable: true,
		placeholder: 'Search companies by name…',
	},
	contactOrCompany: {
		method: 'searchContactsAndCompanies',
		searchable: true,
		placeholder: 'Search contacts and companies by name, email or phone…',
	},
	user: { method: 'searchUsers', searchable: true, placeholder: 'Select a user…' },
	group: { method: 'searchGroups', searchable: true, placeholder: 'Select a group…' },
	calendar: { method: 'searchCalendars', searchable: true, placeholder: 'Select a calendar…' },
	pipeline: { method: 'searchPipelines', searchable: true, placeholder: 'Select a pipeline…' },
	status: {
		method: 'searchStatuses',
		searchable: true,
		placeholder: 'Select a status of the pipeline…',
	},
	pipelineItem: {
		method: 'searchPipelineItems',
		searchable: true,
		placeholder: 'Search items of the pipeline…',
	},
	team: { method: 'searchTeams', searchable: true, placeholder: 'Select a team…' },
	customField: {
		method: 'searchCustomFields',
		searchable: true,
		placeholder: 'Select a custom field…',
	},
	webhook: { method: 'searchWebhooks', searchable: true, placeholder: 'Select a webhook…' },
};

/**
 * Pickers whose list depends on another parameter. n8n reloads such a list, and empties a value
 * picked from the old one, when that parameter changes — so a status of the previous pipeline
 * cannot stay selected unnoticed (the emptied required field is flagged at once).
 */
const LOCATOR_DEPENDS_ON: Partial<Record<LocatorKind, string[]>> = {
	status: ['pipelineId.value'],
	pipelineItem: ['pipelineId.value'],
};

interface UidOptions<K extends string> extends BaseOptions<K> {
	/** Show a "From list / By ID" picker instead of a plain text box. */
	locator?: LocatorKind;
}

/** A LACRM id: a resource locator (from list / by ID) or a plain text box. */
export function uid<const K extends string>(options: UidOptions<K>): Field<K> {
	const label = options.displayName ?? options.key;
	const property: INodeProperties = options.locator
		? baseProperty(options, {
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				typeOptions: LOCATOR_DEPENDS_ON[options.locator]
					? { loadOptionsDependsOn: LOCATOR_DEPENDS_ON[options.locator] }
					: undefined,
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						placeholder: LOCATOR_SEARCH[options.locator].placeholder,
						typeOptions: {
							searchListMethod: LOCATOR_SEARCH[options.locator].method,
							searchable: LOCATOR_SEARCH[options.locator].searchable,
						},
					},
					{
						displayName: 'By ID',
						name: 'id',
						type: 'string',
						placeholder: 'e.g. 4006273942886858777552707100828',
						validation: [
							{
								type: 'regex',
								properties: {
									regex: '^\\s*\\d{1,40}\\s*$',
									errorMessage: 'A LACRM ID has digits only',
								},
							},
						],
					},
				],
			})
		: baseProperty(options, {
				type: 'string',
				default: '',
				placeholder: 'e.g. 4006273942886858777552707100828',
			});
	return {
		key: options.key,
		property,
		clearable: options.clearable,
		read: (raw, ctx) => readUid(raw, ctx, label, options.required),
	};
}

/**
 * The contact or company a note, task, file, pipeline item… belongs to. LACRM's ContactId takes
 * both, so the picker lists both.
 */
export function contactRef(options: {
	description: string;
	required?: boolean;
	clearable?: boolean;
}): Field<'ContactId'> {
	return uid({
		key: 'ContactId',
		displayName: 'Contact',
		name: 'contactId',
		locator: 'contactOrCompany',
		...options,
	});
}

/** Several ids: a multi-select from a list, or comma-separated / array input from an expression. */
export function uidList<const K extends string>(
	options: BaseOptions<K> & { loadOptionsMethod?: string; maxItems?: number },
): Field<K> {
	const property: Partial<INodeProperties> & Pick<INodeProperties, 'type' | 'default'> =
		options.loadOptionsMethod
			? {
					type: 'multiOptions',
					default: [],
					typeOptions: { loadOptionsMethod: options.loadOptionsMethod },
				}
			: { type: 'string', default: '', placeholder: 'e.g. 4006273942886858777552707100828, 4006…' };
	return field(options, property, (raw, ctx, label) => {
		const list = Array.isArray(raw) ? raw : isBlank(raw) ? [] : String(raw).split(/[\s,]+/);
		const ids = list
			.filter((entry) => !isBlank(entry))
			.map((entry) => readUid(entry, ctx, label, true) as string);
		if (ids.length === 0) {
			if (options.required) throw fieldError(ctx, label, 'give at least one ID');
			return undefined;
		}
		if (options.maxItems && ids.length > options.maxItems) {
			throw fieldError(ctx, label, `at most ${options.maxItems} IDs per call (got ${ids.length})`);
		}
		return ids;
	});
}

// --- scalars ----------------------------------------------------------------------------------

export function text<const K extends string>(
	options: BaseOptions<K> & { rows?: number; placeholder?: string; default?: string },
): Field<K> {
	return field(
		options,
		{
			type: 'string',
			default: options.default ?? '',
			placeholder: options.placeholder,
			typeOptions: options.rows ? { rows: options.rows } : undefined,
		},
		(raw, ctx, label) => {
			if (isBlank(raw)) {
				if (options.required) throw fieldError(ctx, label, 'it is required');
				return undefined;
			}
			if (typeof raw === 'object')
				throw fieldError(ctx, label, 'expected text, got an object or a list');
			return String(raw);
		},
	);
}

export function boolean<const K extends string>(
	options: BaseOptions<K> & { default?: boolean },
): Field<K> {
	return field(
		options,
		{ type: 'boolean', default: options.default ?? false },
		(raw, ctx, label) => {
			if (raw === undefined || raw === null || raw === '') return undefined;
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true') return true;
			if (raw === 'false') return false;
			throw fieldError(ctx, label, `expected true or false, got "${String(raw)}"`);
		},
	);
}

export function number<const K extends string>(
	options: BaseOptions<K> & { default?: number; minValue?: number; maxValue?: number },
): Field<K> {
	return field(
		options,
		{
			type: 'number',
			default: options.default ?? 0,
			typeOptions: { minValue: options.minValue, maxValue: options.maxValue },
		},
		(raw, ctx, label) => {
			if (isBlank(raw)) return undefined;
			const value = Number(raw);
			if (!Number.isFinite(value))
				throw fieldError(ctx, label, `expected a number, got "${String(raw)}"`);
			return value;
		},
	);
}

export function choice<const K extends string>(
	options: BaseOptions<K> & { choices: Array<string | INodePropertyOptions>; default?: string },
): Field<K> {
	const label = options.displayName ?? options.key;
	const choices: INodePropertyOptions[] = options.choices.map((entry) =>
		typeof entry === 'string'
			? { name: entry.replace(/([a-z])([A-Z])/g, '$1 $2'), value: entry }
			: entry,
	);
	const allowed = choices.map((entry) => String(entry.value));
	return {
		key: options.key,
		clearable: options.clearable,
		property: baseProperty(options, {
			type: 'options',
			options: choices,
			default: options.default ?? String(choices[0].value),
		}),
		read: (raw, ctx) => {
			if (isBlank(raw)) return undefined;
			const value = String(raw);
			if (!allowed.includes(value)) {
				throw fieldError(ctx, label, `"${value}" is not one of ${allowed.join(', ')}`);
			}
			return value;
		},
	};
}

/** Something n8n's date picker, an ISO string or a Luxon DateTime from an expression. */
function dateInput(raw: unknown): { iso?: string; date?: string } | undefined {
	if (isBlank(raw)) return undefined;
	if (typeof raw === 'object' && raw !== null) {
		const luxon = raw as { toISO?: () => string | null; toISODate?: () => string | null };
		if (typeof luxon.toISO === 'function') {
			return { iso: luxon.toISO() ?? undefined, date: luxon.toISODate?.() ?? undefined };
		}
		if (raw instanceof Date)
			return { iso: raw.toISOString(), date: raw.toISOString().slice(0, 10) };
	}
	const value = String(raw).trim();
	const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (dateOnly) return { iso: value, date: value };
	const dateTime =
		/^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
	if (dateTime) return { iso: value.replace(' ', 'T'), date: value.slice(0, 10) };
	return {};
}

function validCalendarDate(date: string): boolean {
	const [year, month, day] = date.split('-').map(Number);
	if (year === 0) return month >= 1 && month <= 12 && day >= 1 && day <= 31; // LACRM's yearless birthdays
	const parsed = new Date(Date.UTC(year, month - 1, day));
	return (
		parsed.getUTCFullYear() === year &&
		parsed.getUTCMonth() === month - 1 &&
		parsed.getUTCDate() === day
	);
}

type TemporalReader = (
	raw: unknown,
	ctx: ReadContext,
	label: string,
	required?: boolean,
) => string | undefined;

/** n8n's date picker, read by `reader`. */
function temporal<const K extends string>(
	options: BaseOptions<K>,
	reader: TemporalReader,
): Field<K> {
	return field(options, { type: 'dateTime', default: '' }, (raw, ctx, label) =>
		reader(raw, ctx, label, options.required),
	);
}

/** A calendar date, sent as yyyy-mm-dd. */
export function date<const K extends string>(options: BaseOptions<K>): Field<K> {
	return temporal(options, readDate);
}

/**
 * A moment in time, sent as ISO 8601 with an offset (LACRM takes an event's time zone from it); a
 * value without one is read in the workflow's time zone.
 */
export function dateTime<const K extends string>(options: BaseOptions<K>): Field<K> {
	return temporal(options, readDateTime);
}

/** Parses a date input; undefined when blank (an error if required). */
function presentDate(raw: unknown, ctx: ReadContext, label: string, required: boolean) {
	const parsed = dateInput(raw);
	if (!parsed && required) throw fieldError(ctx, label, 'it is required');
	return parsed;
}

export function readDate(
	raw: unknown,
	ctx: ReadContext,
	label: string,
	required = false,
): string | undefined {
	const parsed = presentDate(raw, ctx, label, required);
	if (!parsed) return undefined;
	if (!parsed.date || !validCalendarDate(parsed.date)) {
		throw fieldError(
			ctx,
			label,
			`"${String(raw)}" is not a date (use yyyy-mm-dd, e.g. 2025-01-31)`,
		);
	}
	return parsed.date;
}

/**
 * A date-time with an explicit offset: kept as given when it has one (or `Z`); otherwise (n8n's
 * date picker, `2026-01-15T14:00:00`, or a bare date meaning its midnight) read in the workflow's
 * time zone, e.g. `2026-01-15T14:00:00-05:00` in America/New_York.
 */
export function readDateTime(
	raw: unknown,
	ctx: ReadContext,
	label: string,
	required = false,
): string | undefined {
	const parsed = presentDate(raw, ctx, label, required);
	if (!parsed) return undefined;
	const notDateTime = () =>
		fieldError(
			ctx,
			label,
			`"${String(raw)}" is not a date and time (use ISO 8601, e.g. 2025-01-31T14:00:00 or 2025-01-31T14:00:00-05:00)`,
		);
	if (
		!parsed.iso ||
		!parsed.date ||
		!validCalendarDate(parsed.date) ||
		Number.isNaN(Date.parse(parsed.iso))
	) {
		throw notDateTime();
	}
	let value: string | undefined;
	try {
		value = withExplicitOffset(parsed.iso, ctx.timeZone);
	} catch {
		throw fieldError(
			ctx,
			label,
			`the workflow's time zone "${ctx.timeZone}" is not a known time zone`,
			'Choose a time zone in the workflow settings, or give the date and time with an offset, e.g. 2025-01-31T14:00:00-05:00.',
		);
	}
	if (value === undefined) throw notDateTime();
	return value;
}

/** Raw JSON for the rare structured parameter with no better UI. */
export function json<const K extends string>(
	options: BaseOptions<K> & { shape: 'array' | 'object' | 'any'; placeholder?: string },
): Field<K> {
	return field(
		options,
		{
			type: 'json',
			default: options.shape === 'array' ? '[]' : options.shape === 'object' ? '{}' : '',
			placeholder: options.placeholder,
		},
		(raw, ctx, label) => readJson(raw, ctx, label, options.shape),
	);
}

function readJson(
	raw: unknown,
	ctx: ReadContext,
	label: string,
	shape: 'array' | 'object' | 'any',
): unknown {
	if (isBlank(raw)) return undefined;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw fieldError(ctx, label, `not valid JSON (${(error as Error).message})`);
		}
	}
	if (shape === 'array' && !Array.isArray(value))
		throw fieldError(ctx, label, 'expected a JSON array, e.g. [ ... ]');
	if (shape === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
		throw fieldError(ctx, label, 'expected a JSON object, e.g. { ... }');
	}
	if (shape === 'array' && (value as unknown[]).length === 0) return undefined;
	return value;
}

// --- structured -------------------------------------------------------------------------------

/** Entries the user adds one by one (n8n's fixedCollection under `entries`): LACRM's lists. */
function entryList(
	placeholder: string,
	entryName: string,
	values: INodeProperties[],
	multipleValues = true,
): Partial<INodeProperties> & Pick<INodeProperties, 'type' | 'default'> {
	return {
		type: 'fixedCollection',
		default: {},
		placeholder,
		typeOptions: { multipleValues },
		options: [{ displayName: entryName, name: 'entries', values }],
	};
}

/** What the user entered in an `entryList`: one object per entry. */
function entriesOf(raw: unknown): IDataObject[] {
	return ((raw as IDataObject | undefined)?.entries ?? []) as IDataObject[];
}

/** Email / Phone / Website: several entries, each with an optional type (Work, Mobile…). */
export function typedTextList<const K extends string>(
	options: BaseOptions<K> & { typeHint: string; placeholder: string },
): Field<K> {
	const label = options.displayName ?? options.key;
	return field(
		options,
		entryList(`Add ${label}`, label, [
			{
				displayName: 'Value',
				name: 'text',
				type: 'string',
				default: '',
				placeholder: options.placeholder,
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: '',
				description: `${options.typeHint} Must match a type set up in your LACRM account; leave empty for the first one`,
			},
		]),
		(raw, ctx, label) => {
			if (typeof raw === 'string') return isBlank(raw) ? undefined : raw.trim();
			if (Array.isArray(raw)) return raw.length ? raw : undefined;
			const typed = entriesOf(raw)
				.filter((entry) => !isBlank(entry.text))
				.map((entry) =>
					isBlank(entry.type)
						? { Text: String(entry.text).trim() }
						: { Text: String(entry.text).trim(), Type: String(entry.type) },
				);
			if (typed.length === 0) {
				if (options.required) throw fieldError(ctx, label, 'add at least one entry');
				return undefined;
			}
			return typed;
		},
	);
}

export function addressList<const K extends string>(options: BaseOptions<K>): Field<K> {
	const parts = ['Street', 'City', 'State', 'Zip', 'Country', 'Type'] as const;
	return {
		key: options.key,
		clearable: options.clearable,
		property: baseProperty(
			options,
			entryList(
				'Add Address',
				'Address',
				parts.map((part) => ({
					displayName: part === 'Zip' ? 'ZIP / Postal Code' : part,
					name: part.toLowerCase(),
					type: 'string' as const,
					default: '',
					description:
						part === 'Type'
							? 'E.g. Work or Home. Must match an address type of your LACRM account; leave empty for the first one.'
							: undefined,
				})),
			),
		),
		read: (raw) => {
			const addresses = entriesOf(raw)
				.map((entry) => {
					const address: IDataObject = {};
					for (const part of parts) {
						const value = entry[part.toLowerCase()];
						if (!isBlank(value)) address[part] = String(value);
					}
					return address;
				})
				.filter((address) => Object.keys(address).length > 0);
			return addresses.length ? addresses : undefined;
		},
	};
}

/** Email addresses for logged emails: {Address, Name}. */
export function emailAddresses<const K extends string>(
	options: BaseOptions<K> & { single?: boolean },
): Field<K> {
	const label = options.displayName ?? options.key;
	return field(
		options,
		entryList(
			`Add ${label}`,
			label,
			[
				{
					displayName: 'Email Address',
					name: 'address',
					type: 'string',
					default: '',
					placeholder: 'name@email.com',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			],
			!options.single,
		),
		(raw, ctx, label) => {
			const value = (raw as IDataObject | undefined)?.entries;
			const entries = (Array.isArray(value) ? value : value ? [value] : []) as IDataObject[];
			const addresses = entries
				.filter((entry) => !isBlank(entry.address))
				.map((entry) => {
					const address = String(entry.address).trim();
					if (!/^[^\s@]+@[^\s@]+$/.test(address))
						throw fieldError(ctx, label, `"${address}" is not an email address`);
					return isBlank(entry.name)
						? { Address: address }
						: { Address: address, Name: String(entry.name) };
				});
			if (addresses.length === 0) {
				if (options.required) throw fieldError(ctx, label, 'add at least one address');
				return undefined;
			}
			return options.single ? addresses[0] : addresses;
		},
	);
}

export function eventAttendees<const K extends string>(options: BaseOptions<K>): Field<K> {
	return field(
		options,
		entryList('Add Attendee', 'Attendee', [
			{
				displayName: 'Attendee Is',
				name: 'kind',
				type: 'options',
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'User', value: 'user' },
				],
				default: 'contact',
			},
			{
				displayName: 'Contact or User ID',
				name: 'id',
				type: 'string',
				default: '',
				description: 'A ContactId for a contact, a UserId for a user',
			},
			{
				displayName: 'Attendance',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Attending', value: 'IsAttending' },
					{ name: 'Maybe', value: 'Maybe' },
					{ name: 'Not Attending', value: 'NotAttending' },
				],
				default: 'IsAttending',
			},
		]),
		(raw, ctx, label) => {
			const attendees = entriesOf(raw)
				.filter((entry) => !isBlank(entry.id))
				.map((entry) => ({
					IsUser: entry.kind === 'user',
					AttendeeId: readUid(entry.id, ctx, `${label} ID`, true),
					AttendanceStatus: String(entry.status ?? 'IsAttending'),
				}));
			return attendees.length ? attendees : undefined;
		},
	);
}

/** Operations on the `Cal` (tasks/events) and `Pipeline` filters of contacts, taking JSON options. */
const ATTACHED_ITEM_OPERATIONS = ['HasAttachedItem', 'HasNoAttachedItem'];

/** LACRM advanced search filters: {Name, Operation, Value}; combined with AND. */
export function advancedFilters<const K extends string>(
	options: BaseOptions<K> & { examples: string },
): Field<K> {
	return field(
		options,
		entryList('Add Filter', 'Filter', [
			{
				displayName: 'Field Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: options.examples,
				description: 'A built-in field or the display name of a custom field',
			},
			{
				displayName: 'Operation',
				name: 'filterOperation',
				type: 'options',
				options: [
					'Contains',
					'DoesNotContain',
					'IsExactly',
					'IsNot',
					'IsEmpty',
					'IsNotEmpty',
					'IsBefore',
					'IsAfter',
					'IsBetween',
					'IsGreaterThan',
					'IsLessThan',
					'IsAnyOf',
					'IsNoneOf',
					'IsInGroupList',
					'IsNotInGroupList',
					'IsNotInAnyGroup',
					'HasAttachedItem',
					'HasNoAttachedItem',
				].map((operation) => ({
					name: operation.replace(/([a-z])([A-Z])/g, '$1 $2'),
					value: operation,
				})),
				default: 'Contains',
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '',
				description:
					'Text, a number, or JSON for lists (e.g. ["id1","id2"]) and ranges. Leave empty for Is Empty / Is Not Empty. For Has (No) Attached Item on Cal or Pipeline: empty or JSON options, e.g. {"Type": "Task", "Status": "Pending"} or {"PipelineId": "…", "Status": "Active"}.',
			},
		]),
		(raw, ctx, label) => {
			const filters = entriesOf(raw)
				.filter((entry) => !isBlank(entry.name))
				.map((entry) => {
					const filter: IDataObject = {
						Name: String(entry.name).trim(),
						Operation: String(entry.filterOperation),
					};
					const attachedItem = ATTACHED_ITEM_OPERATIONS.includes(filter.Operation as string);
					if (!isBlank(entry.value)) {
						const value = String(entry.value).trim();
						// Has (No) Attached Item takes its options (Type, Status, PipelineId…) as an object.
						if (attachedItem && !value.startsWith('{')) {
							throw fieldError(
								ctx,
								`${label} value`,
								`${filter.Operation as string} takes JSON options such as {"Type": "Task", "Status": "Pending"}, or nothing; got "${value}"`,
							);
						}
						filter.Value = (
							attachedItem
								? readJson(value, ctx, `${label} value`, 'object')
								: /^[[{]/.test(value)
									? readJson(value, ctx, `${label} value`, 'any')
									: value
						) as IDataObject;
					} else {
						filter.Value = null;
					}
					return filter;
				});
			return filters.length ? filters : undefined;
		},
	);
}
