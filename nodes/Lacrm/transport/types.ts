/**
 * LACRM API v2 data types, as LACRM sends and accepts them.
 *
 * Source: LACRM's v2 documentation (https://account.lessannoyingcrm.com/api_docs/v2); where it
 * is silent (marked "unverified") the shapes follow tested third-party clients.
 */

/**
 * A LACRM record id: a numeric string, normally 31 digits. Always a string — it does not fit in a
 * JS number (doubles are exact only up to 2^53 ≈ 9·10^15).
 */
export type Uid = string;

/** User ids are small integers; LACRM sends them as strings in some places and numbers in others. */
export type UserId = string | number;

/** `yyyy-mm-dd` */
export type LacrmDate = string;

/** ISO 8601 with offset, e.g. `2019-07-25T16:00:00-05:00` */
export type LacrmDateTime = string;

export type SortDirection = 'Ascending' | 'Descending';

/**
 * Any value LACRM's JSON carries: what n8n's IDataObject holds too, so records with extra keys
 * (custom fields, undocumented fields) are n8n data as they are.
 */
export type JsonValue = string | number | boolean | object | null | undefined;

/** Custom fields are passed and returned as extra keys named after the field's display name. */
export type CustomFieldValues = {
	[displayName: string]: JsonValue;
};

/** Email, Phone and Website accept a string, a list of strings, or typed entries. */
export type TypedTextInput = string | string[] | Array<{ Text: string; Type?: string }>;

export type TypedText = {
	Text: string;
	Type: string;
	TypeId?: number | string;
};

export type AddressInput = {
	Street?: string;
	City?: string;
	State?: string;
	Zip?: string;
	Country?: string;
	Type?: string;
};

export type Address = AddressInput & {
	TypeId?: number | string;
};

export type AdvancedFilter = {
	Name: string;
	Operation: string;
	Value?: unknown;
};

export type PersonName = {
	Salutation: string;
	FirstName: string;
	MiddleName: string;
	LastName: string;
	Suffix: string;
};

export type ContactMetaData = {
	Name: string;
	AssignedTo?: UserId;
};

export type UserName = {
	FirstName: string;
	LastName: string;
};

export type Contact = CustomFieldValues & {
	ContactId: Uid;
	AssignedTo: UserId;
	IsCompany: boolean;
	CompanyId?: Uid | null;
	Name: PersonName | string;
	Email: TypedText[];
	Phone: TypedText[];
	Address: Address[];
	Website: TypedText[];
	'Company Name'?: string;
	'Job Title'?: string;
	'Background Info'?: string;
	Birthday?: LacrmDate | null;
	DateCreated: LacrmDateTime;
	LastUpdate: LacrmDateTime;
	UserMetaData?: UserName;
	CompanyMetaData?: { CompanyName: string } | null;
};

export type Note = {
	NoteId: Uid;
	ContactId: Uid;
	UserId: UserId;
	DateCreated: LacrmDateTime;
	DateDisplayedInHistory: LacrmDateTime;
	Note: string;
	IsRichText?: boolean;
	ContactMetaData?: ContactMetaData;
	UserMetaData?: UserName;
	PipelineInfo?: {
		PipelineId: Uid;
		PipelineItemId: Uid;
		StatusId: Uid;
		PreviousStatusId?: Uid | null;
		PipelineMetaData?: { Name: string };
		StatusMetaData?: { Name: string };
	} | null;
};

export type Task = {
	TaskId: Uid;
	Name: string;
	DueDate: LacrmDate;
	AssignedTo: UserId;
	Description: string;
	ContactId: Uid | null;
	IsCompleted: boolean;
	DateCompleted: LacrmDateTime | null;
	CalendarId: Uid;
	DateCreated: LacrmDateTime;
	AssignedToMetaData?: UserName;
	ContactMetaData?: ContactMetaData | null;
};

export type AttendanceStatus = 'IsAttending' | 'Maybe' | 'NotAttending' | string;

export type EventAttendee = {
	IsUser: boolean;
	AttendeeId: Uid | UserId;
	AttendanceStatus?: AttendanceStatus;
};

export type CalendarEvent = {
	EventId: Uid;
	Name: string;
	StartDate: LacrmDateTime;
	EndDate: LacrmDateTime;
	Location: string;
	Description: string;
	IsAllDay: boolean;
	IsRecurring: boolean;
	RecurrenceEventId?: Uid | null;
	RecurrenceRule?: string;
	EndRecurrenceDate?: LacrmDateTime | null;
	SeriesNumber?: number;
	DateCreated: LacrmDateTime;
	DateUpdated: LacrmDateTime;
	ContactIds: Uid[];
	UserIds: UserId[];
	Attendees: EventAttendee[];
	CalendarId: Uid;
	ContactMetaData?: ContactMetaData[];
	UserMetaData?: UserName[];
	CalendarMetaData?: { Name: string };
};

export type EmailAddress = {
	Address: string;
	Name?: string;
};

export type Email = {
	EmailId: Uid;
	ContactIds: Uid[];
	ContactMetaData?: ContactMetaData[];
	From: EmailAddress;
	To: EmailAddress[];
	Cc: EmailAddress[];
	Subject: string;
	Body: string;
	Date: LacrmDateTime;
	UserId: UserId;
};

export type FileInfo = {
	FileId: Uid;
	CreatedBy: UserId;
	FileType: string;
	DateCreated: LacrmDateTime;
	FileName: string;
	DisplayName: string;
	FileSize: number;
	ParentId: Uid;
	IsPrimary: boolean;
	DateDeleted: LacrmDateTime | null;
	NumVersions: number;
	/** Temporary download link, valid for 5 minutes. */
	FileUrl: string;
};

export type ContactGroup = {
	ContactId: Uid;
	GroupId: Uid;
	GroupMetaData?: { Name: string };
};

export type GroupMember = {
	ContactId: Uid;
	GroupId: Uid;
	ContactMetaData?: ContactMetaData;
};

export type PipelineItem = CustomFieldValues & {
	PipelineItemId: Uid;
	PipelineId: Uid;
	StatusId: Uid;
	ContactId: Uid;
	DateCreated: LacrmDateTime;
	CreatedBy?: UserId;
	LastUpdate: LacrmDateTime;
	LastUpdatedBy?: UserId;
	NumberOfUpdates?: number;
	LastNote?: string;
	PipelineMetaData?: { Name: string };
	StatusMetaData?: { Name: string };
	ContactMetaData?: ContactMetaData;
};

/** GetPipelineItemsAttachedToContact groups a contact's items by pipeline (shape partly inferred). */
export type PipelineItemGroup = {
	PipelineId: Uid;
	PipelineItems: PipelineItem[];
	[key: string]: JsonValue;
};

export type Relationship = {
	RelationshipId: Uid;
	ContactId1: Uid;
	ContactId2: Uid;
	Note: string;
	CreatedBy: UserId;
	DateCreated: LacrmDateTime;
	DateEdited: LacrmDateTime;
	Contact1MetaData?: { Name: string };
	Contact2MetaData?: { Name: string };
	CreatedByMetaData?: UserName;
};

export type Calendar = {
	CalendarId: Uid;
	Name: string;
	UserId: UserId;
	IsPrimary: boolean;
	Visibility: string;
};

export type CustomFieldRecordType = 'Contact' | 'Company' | 'Pipeline' | 'PublicForm';

export type CustomFieldType =
	| 'Currency'
	| 'Date'
	| 'Dropdown'
	| 'RadioList'
	| 'Checkbox'
	| 'Number'
	| 'Text'
	| 'TextArea'
	| 'ContactLink'
	| 'FileLink'
	| 'Signature'
	| 'Section'
	| 'SectionHeader'
	| 'TextBlock';

export type CustomFieldOption = {
	OptionId?: Uid;
	Name: string;
	[key: string]: JsonValue;
};

export type CustomField = {
	CustomFieldId: Uid;
	Name: string;
	Type: CustomFieldType;
	RecordType: CustomFieldRecordType;
	PipelineId: Uid | null;
	IsRequired: boolean;
	/** Both shapes occur: `{Name, OptionId}` objects, or plain option names. */
	Options?: Array<CustomFieldOption | string>;
	IsArchived?: boolean;
	[key: string]: JsonValue;
};

export type GroupColor =
	| 'Blue'
	| 'LightBlue'
	| 'Cyan'
	| 'Teal'
	| 'Green'
	| 'LimeGreen'
	| 'Yellow'
	| 'Orange'
	| 'Red'
	| 'Pink'
	| 'Magenta'
	| 'Purple'
	| 'Indigo'
	| 'Gray';

export type GroupSharing = 'Public' | 'Private' | 'Teams';

export type Group = {
	GroupId: Uid;
	Name: string;
	Sharing: GroupSharing;
	TeamIds: Uid[];
	Color: GroupColor | '';
	[key: string]: JsonValue;
};

export type PipelineStatus = {
	StatusId: Uid;
	PipelineId?: Uid;
	Name: string;
	IsActive: boolean;
	Color: string;
	DateCreated?: LacrmDateTime;
};

export type PipelinePermissions = 'Public' | 'TeamSharing';

export type Pipeline = {
	PipelineId: Uid;
	Name: string;
	Icon: string;
	DateCreated: LacrmDateTime;
	DateArchived: LacrmDateTime | null;
	Permissions: PipelinePermissions;
	SharingTeamIds?: Uid[];
	Statuses: PipelineStatus[];
	CustomFields?: CustomField[];
	[key: string]: JsonValue;
};

export type Team = {
	TeamId: Uid;
	Name: string;
	DateCreated: LacrmDateTime;
	UserIds: UserId[];
};

export type User = {
	UserId: UserId;
	FirstName: string;
	LastName: string;
	Timezone: string;
	Email?: string;
};

export type WebhookScope = 'User' | 'Account';

/** The seven events LACRM documents (its Using-webhooks page). */
export type WebhookEvent =
	| 'Contact.Create'
	| 'Event.Create'
	| 'Event.Update'
	| 'Event.Delete'
	| 'GroupMembership.Create'
	| 'PipelineItemStatus.Create'
	| 'PipelineItemStatus.Update';

export type Webhook = {
	WebhookId: Uid;
	EndpointUrl: string;
	LastSendDate: LacrmDateTime | null;
	SubscribedEvents: WebhookEvent[];
	DateArchived: LacrmDateTime | null;
};

/** The `{HasMoreResults, Results}` page LACRM's paginated functions return. */
export interface ResultPage<T> {
	HasMoreResults: boolean;
	Results: T[];
}

/** Edit functions: an omitted parameter stays unchanged, a parameter sent as null is cleared. */
export type Editable<T> = { [K in keyof T]?: T[K] | null };
