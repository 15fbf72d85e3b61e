import { ApiError, notFound } from './core/errors';
import { UidGenerator } from './core/ids';
import { Prng, deriveSeed } from './core/prng';

/**
 * The in-memory account. Records are stored in their own compact shape (not the wire shape):
 * ids of related records instead of copies, so a renamed company or user shows up everywhere,
 * and custom-field values keyed by CustomFieldId so a renamed field keeps its values.
 */

export interface User {
	UserId: string;
	FirstName: string;
	LastName: string;
	Email: string;
	Timezone: string;
	IsAdmin: boolean;
}

/** An email address, phone number or website: the account's type list gives the Type name. */
export interface TypedText {
	Text: string;
	TypeId: number;
}

export interface Address {
	Street: string;
	City: string;
	State: string;
	Zip: string;
	Country: string;
	TypeId: number;
}

export type CustomValues = Record<string, unknown>;

export interface Contact {
	ContactId: string;
	IsCompany: boolean;
	AssignedTo: string;
	Salutation: string;
	FirstName: string;
	MiddleName: string;
	LastName: string;
	Suffix: string;
	/** A company's own name; for a person, the employer's name when not linked by CompanyId. */
	CompanyName: string;
	CompanyId: string | null;
	Email: TypedText[];
	Phone: TypedText[];
	Website: TypedText[];
	Address: Address[];
	JobTitle: string;
	BackgroundInfo: string;
	Birthday: string | null;
	DateCreated: number;
	LastUpdate: number;
	/** CustomFieldId → stored value (option fields hold OptionIds); null when the record has none. */
	Custom: CustomValues | null;
}

export interface PipelineInfo {
	PipelineId: string;
	PipelineItemId: string;
	StatusId: string;
	PreviousStatusId: string | null;
}

export interface Note {
	NoteId: string;
	ContactId: string;
	UserId: string;
	DateCreated: number;
	DateDisplayedInHistory: number;
	Note: string;
	PipelineInfo: PipelineInfo | null;
}

export interface Task {
	TaskId: string;
	Name: string;
	DueDate: string;
	AssignedTo: string;
	Description: string;
	ContactId: string | null;
	IsCompleted: boolean;
	DateCompleted: number | null;
	CalendarId: string;
	DateCreated: number;
}

export interface Attendee {
	IsUser: boolean;
	AttendeeId: string;
	AttendanceStatus: string;
}

export interface CalendarEvent {
	EventId: string;
	Name: string;
	StartDate: number;
	EndDate: number;
	/** The UTC offset the caller wrote on StartDate: the event's own time zone (REFERENCE §6). */
	OffsetMinutes: number;
	IsAllDay: boolean;
	Location: string;
	Description: string;
	CalendarId: string;
	Attendees: Attendee[];
	IsRecurring: boolean;
	RecurrenceRule: string;
	EndRecurrenceDate: number | null;
	DateCreated: number;
	DateUpdated: number;
	CreatedBy: string;
}

export interface EmailAddress {
	Address: string;
	Name: string;
}

export interface LoggedEmail {
	EmailId: string;
	ContactIds: string[];
	UserIsSender: boolean;
	From: EmailAddress;
	To: EmailAddress[];
	Cc: EmailAddress[];
	Subject: string;
	Body: string;
	Date: number;
	UserId: string;
	DateCreated: number;
}

export interface StoredFile {
	FileId: string;
	CreatedBy: string;
	FileType: string;
	DateCreated: number;
	FileName: string;
	DisplayName: string;
	ParentId: string;
	IsPrimary: boolean;
	DateDeleted: number | null;
	Bytes: Buffer;
	/** FileIds of older versions (same name, same contact), newest first; only on the primary. */
	PreviousVersionIds: string[];
}

export interface FileLink {
	FileId: string;
	ExpiresAt: number;
}

export interface Group {
	GroupId: string;
	Name: string;
	Sharing: string;
	TeamIds: string[];
	Color: string;
	DateCreated: number;
	Members: Set<string>;
}

export interface Pipeline {
	PipelineId: string;
	Name: string;
	Icon: string;
	Permissions: string;
	TeamIds: string[];
	DateCreated: number;
	DateArchived: number | null;
	/** Status order = position in this list (what SortBy "Status" means). */
	StatusIds: string[];
}

export interface PipelineStatus {
	StatusId: string;
	PipelineId: string;
	Name: string;
	IsActive: boolean;
	Color: string;
	DateCreated: number;
}

export interface PipelineItem {
	PipelineItemId: string;
	PipelineId: string;
	StatusId: string;
	ContactId: string;
	DateCreated: number;
	CreatedBy: string;
	LastUpdate: number;
	LastUpdatedBy: string;
	NumberOfUpdates: number;
	LastNote: string;
	Custom: CustomValues | null;
}

export interface Relationship {
	RelationshipId: string;
	ContactId1: string;
	ContactId2: string;
	Note: string;
	CreatedBy: string;
	DateCreated: number;
	DateEdited: number;
}

export interface Calendar {
	CalendarId: string;
	Name: string;
	UserId: string;
	IsPrimary: boolean;
	Visibility: string;
}

export const CUSTOM_FIELD_TYPES = [
	'Currency',
	'Date',
	'Dropdown',
	'RadioList',
	'Checkbox',
	'Number',
	'Text',
	'TextArea',
	'ContactLink',
	'FileLink',
	'Signature',
	'Section',
	'SectionHeader',
	'TextBlock',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export type CustomFieldRecordType = 'Contact' | 'Company' | 'Pipeline' | 'PublicForm';

export interface CustomFieldOption {
	OptionId: string;
	Name: string;
}

export interface CustomField {
	CustomFieldId: string;
	Name: string;
	Type: CustomFieldType;
	RecordType: CustomFieldRecordType;
	PipelineId: string | null;
	IsRequired: boolean;
	ShowOnActiveBadge: boolean;
	ShowOnClosedBadge: boolean;
	ShowOnReport: boolean;
	Options: CustomFieldOption[];
	/** Answer Options as plain names, the other shape seen in the wild (not {OptionId, Name}). */
	OptionsAsNames?: boolean;
	DateDisplaySettings: unknown;
	CurrencyDisplaySettings: unknown;
	DateCreated: number;
}

export interface Team {
	TeamId: string;
	Name: string;
	DateCreated: number;
	UserIds: string[];
}

export interface Webhook {
	WebhookId: string;
	EndpointUrl: string;
	WebhookScope: 'User' | 'Account';
	SubscribedEvents: string[];
	OwnerUserId: string;
	Secret: string;
	DateCreated: number;
	LastSendDate: number | null;
	DateArchived: number | null;
}

export interface PublicForm {
	FormId: string;
	FormName: string;
	OwnerUserId: string;
}

/** The account's type lists for multi-valued contact fields; the first entry is the default. */
export const FIELD_TYPES: Record<'Email' | 'Phone' | 'Website' | 'Address', readonly string[]> = {
	Email: ['Work', 'Personal', 'Other'],
	Phone: ['Work', 'Mobile', 'Home', 'Fax', 'Other'],
	Website: ['Work', 'Personal', 'Other'],
	Address: ['Work', 'Home', 'Other'],
};

export class Store {
	readonly users = new Map<string, User>();
	readonly contacts = new Map<string, Contact>();
	/** Lower-cased, trimmed company name → ContactId; company names are unique (REFERENCE §12). */
	readonly companyByName = new Map<string, string>();
	readonly notes = new Map<string, Note>();
	readonly tasks = new Map<string, Task>();
	readonly events = new Map<string, CalendarEvent>();
	readonly emails = new Map<string, LoggedEmail>();
	readonly files = new Map<string, StoredFile>();
	readonly fileLinks = new Map<string, FileLink>();
	readonly groups = new Map<string, Group>();
	readonly pipelines = new Map<string, Pipeline>();
	readonly statuses = new Map<string, PipelineStatus>();
	readonly pipelineItems = new Map<string, PipelineItem>();
	readonly relationships = new Map<string, Relationship>();
	readonly calendars = new Map<string, Calendar>();
	readonly customFields = new Map<string, CustomField>();
	readonly teams = new Map<string, Team>();
	readonly webhooks = new Map<string, Webhook>();
	readonly forms = new Map<string, PublicForm>();
	readonly ids: UidGenerator;
	/** Randomness for data the sandbox makes up (demo content, bulk contacts). */
	readonly rng: Prng;

	constructor(readonly randomSeed: number) {
		this.ids = new UidGenerator(new Prng(deriveSeed(randomSeed, 'uids')));
		this.rng = new Prng(deriveSeed(randomSeed, 'data'));
	}

	newId(): string {
		return this.ids.next();
	}

	user(userId: string): User {
		const u = this.users.get(userId);
		if (!u) throw new ApiError('not-found:user', `No user was found with UserId '${userId}'.`);
		return u;
	}

	contact(id: string, idName = 'ContactId'): Contact {
		const c = this.contacts.get(id);
		if (!c) throw notFound('contact', idName, id);
		return c;
	}

	companyNamed(name: string): Contact | undefined {
		const id = this.companyByName.get(normalizeCompanyName(name));
		return id === undefined ? undefined : this.contacts.get(id);
	}

	primaryCalendarOf(userId: string): Calendar {
		for (const c of this.calendars.values()) if (c.UserId === userId && c.IsPrimary) return c;
		throw new ApiError('no-calendar', `User ${userId} has no primary calendar.`);
	}

	customFieldsFor(
		recordType: CustomFieldRecordType,
		pipelineId: string | null = null,
	): CustomField[] {
		const out: CustomField[] = [];
		for (const f of this.customFields.values()) {
			if (f.RecordType === recordType && (recordType !== 'Pipeline' || f.PipelineId === pipelineId))
				out.push(f);
		}
		return out;
	}
}

export function normalizeCompanyName(name: string): string {
	return name.trim().toLowerCase();
}
