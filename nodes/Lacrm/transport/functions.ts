/**
 * The one typed map of LACRM API v2: every function's parameters and result, plus the few runtime
 * facts the transport needs (is it a write? how does it page?). Operations, the transport and the
 * triggers all call LACRM through these names, so a typo or a wrong parameter is a compile error.
 *
 * Paging parameters (`MaxNumberOfResults`, `Page`) are left out of the parameter types: the
 * transport's pager owns them.
 */
import type {
	AddressInput,
	AdvancedFilter,
	Calendar,
	CalendarEvent,
	Contact,
	ContactGroup,
	CustomField,
	CustomFieldRecordType,
	CustomFieldType,
	Editable,
	Email,
	EmailAddress,
	EventAttendee,
	FileInfo,
	Group,
	GroupColor,
	GroupMember,
	GroupSharing,
	LacrmDate,
	LacrmDateTime,
	Note,
	Pipeline,
	PipelineItem,
	PipelineItemGroup,
	PipelinePermissions,
	PipelineStatus,
	Relationship,
	ResultPage,
	SortDirection,
	Task,
	Team,
	TypedTextInput,
	Uid,
	User,
	UserId,
	Webhook,
	WebhookEvent,
	WebhookScope,
} from './types';

/** Edit/Delete functions document no return value; success is the absence of an error. */
export type NoResult = Record<string, unknown>;

interface ContactFields {
	Email?: TypedTextInput;
	Phone?: TypedTextInput;
	'Company Name'?: string;
	'Job Title'?: string;
	Address?: AddressInput[];
	Website?: TypedTextInput;
	'Background Info'?: string;
	Birthday?: LacrmDate;
}

interface TaskFields {
	Name: string;
	DueDate?: LacrmDate;
	AssignedTo?: UserId;
	CalendarId?: Uid;
	Description?: string;
	ContactId?: Uid;
}

interface EventFields {
	Name: string;
	StartDate: LacrmDateTime;
	EndDate: LacrmDateTime;
	IsAllDay?: boolean;
	Location?: string;
	Description?: string;
	CalendarId?: Uid;
	Attendees?: EventAttendee[];
	IsRecurring?: boolean;
	RecurrenceRule?: string;
	EndRecurrenceRule?: LacrmDateTime;
}

interface CustomFieldSettings {
	IsRequired?: boolean;
	ShowOnActiveBadge?: boolean;
	ShowOnClosedBadge?: boolean;
	ShowOnReport?: boolean;
	Options?: unknown[];
	DateDisplaySettings?: unknown;
	CurrencyDisplaySettings?: unknown;
}

/** Group memberships address a group by GroupId or by GroupName, never both. */
type GroupReference = { GroupId: Uid; GroupName?: never } | { GroupName: string; GroupId?: never };

type ContactIdOnly = { ContactId: Uid };

/**
 * Every LACRM API v2 function. `item` is the element type of list results (after paging).
 *
 * CreateContact, EditContact, CreatePipelineItem and EditPipelineItem also take custom fields as
 * extra parameters keyed by display name (`CustomFieldValues`). They are left out of the types
 * here on purpose: an index signature would let any misspelt standard parameter through. The
 * operations send them alongside (see `parametersFor` in actions/router.ts).
 */
export interface LacrmFunctionMap {
	// Contacts and companies (companies are contacts with IsCompany = true)
	CreateContact: {
		parameters: ContactFields & { IsCompany: boolean; AssignedTo: UserId; Name: string };
		result: { ContactId: Uid };
	};
	EditContact: {
		parameters: Editable<ContactFields & { Name: string; AssignedTo: UserId; IsCompany: boolean }> &
			ContactIdOnly;
		result: NoResult;
	};
	DeleteContact: { parameters: ContactIdOnly; result: NoResult };
	GetContact: { parameters: ContactIdOnly; result: Contact };
	GetContactsById: {
		parameters: { ContactIds: Uid[] };
		result: ResultPage<Contact>;
		item: Contact;
	};
	GetContacts: {
		parameters: {
			SearchTerms?: string;
			RequiresWriteAccess?: boolean;
			RecordTypeFilter?: 'Contacts' | 'Companies' | null;
			OwnerFilter?: UserId[];
			SortBy?:
				'Relevance' | 'FirstName' | 'LastName' | 'CompanyName' | 'DateCreated' | 'LastUpdate';
			SortDirection?: SortDirection;
			AdvancedFilters?: AdvancedFilter[];
		};
		result: ResultPage<Contact>;
		item: Contact;
	};

	// Notes
	CreateNote: {
		parameters: { ContactId: Uid; Note: string; DateDisplayedInHistory?: LacrmDateTime };
		result: { NoteId: Uid };
	};
	EditNote: {
		parameters: { NoteId: Uid; Note?: string; DateDisplayedInHistory?: LacrmDateTime };
		result: NoResult;
	};
	DeleteNote: { parameters: { NoteId: Uid }; result: NoResult };
	GetNote: { parameters: { NoteId: Uid }; result: Note };
	GetNotes: {
		parameters: {
			SortDirection?: SortDirection;
			DateFilterStart?: LacrmDateTime;
			DateFilterEnd?: LacrmDateTime;
			UserFilter?: UserId[];
			ContactId?: Uid;
		};
		result: ResultPage<Note>;
		item: Note;
	};
	GetNotesAttachedToContact: { parameters: ContactIdOnly; result: ResultPage<Note>; item: Note };

	// Tasks (date-only reminders)
	CreateTask: { parameters: TaskFields; result: { TaskId: Uid } };
	EditTask: {
		parameters: Editable<TaskFields & { IsComplete: boolean }> & { TaskId: Uid };
		result: NoResult;
	};
	DeleteTask: { parameters: { TaskId: Uid }; result: NoResult };
	GetTask: { parameters: { TaskId: Uid }; result: Task };
	GetTasks: {
		parameters: {
			StartDate: LacrmDate;
			EndDate: LacrmDate;
			UserFilter?: UserId[];
			ContactId?: Uid;
			CompletionStatus?: 'Both' | 'Incomplete' | 'Complete';
			SortDirection?: SortDirection;
		};
		result: ResultPage<Task>;
		item: Task;
	};
	GetTasksAttachedToContact: { parameters: ContactIdOnly; result: ResultPage<Task>; item: Task };

	// Events (timed calendar entries)
	CreateEvent: { parameters: EventFields; result: { EventId: Uid } };
	EditEvent: { parameters: Editable<EventFields> & { EventId: Uid }; result: NoResult };
	DeleteEvent: { parameters: { EventId: Uid }; result: NoResult };
	GetEvent: { parameters: { EventId: Uid }; result: CalendarEvent };
	GetEvents: {
		parameters: {
			SortDirection?: SortDirection;
			StartDate?: LacrmDateTime;
			EndDate?: LacrmDateTime;
			UserFilter?: UserId[];
			CalendarFilter?: Uid[];
			ContactId?: Uid;
		};
		result: ResultPage<CalendarEvent>;
		item: CalendarEvent;
	};
	GetEventsAttachedToContact: {
		parameters: ContactIdOnly;
		result: ResultPage<CalendarEvent>;
		item: CalendarEvent;
	};

	// Emails (Email Logging)
	CreateEmail: {
		parameters: {
			ContactIds: Uid[];
			UserIsSender?: boolean;
			From: EmailAddress;
			To: EmailAddress[];
			Cc?: EmailAddress[];
			Subject?: string;
			Body: string;
			Date: LacrmDateTime;
		};
		result: { EmailId: Uid };
	};
	GetEmail: { parameters: { EmailId: Uid }; result: Email };
	GetEmails: {
		parameters: {
			SortDirection?: SortDirection;
			DateFilterStart?: LacrmDateTime;
			DateFilterEnd?: LacrmDateTime;
			UserFilter?: UserId[];
			ContactId?: Uid;
			GetContactsAtCompanyEmails?: boolean;
		};
		result: ResultPage<Email>;
		item: Email;
	};
	GetEmailsAttachedToContact: { parameters: ContactIdOnly; result: ResultPage<Email>; item: Email };
	DeleteEmail: { parameters: { EmailId: Uid }; result: NoResult };

	// Files
	GetFile: { parameters: { FileId: Uid }; result: FileInfo };
	GetFilesAttachedToContact: {
		parameters: ContactIdOnly & { ReturnPreviousVersions?: boolean };
		result: FileInfo[];
		item: FileInfo;
	};
	/** Sent as multipart/form-data; the file itself travels as the `File` part (see LacrmClient.uploadFile). */
	CreateFile: { parameters: ContactIdOnly; result: { FileId: Uid } };

	// Group memberships (no id of their own)
	CreateGroupMembership: { parameters: ContactIdOnly & GroupReference; result: NoResult };
	DeleteGroupMembership: { parameters: ContactIdOnly & GroupReference; result: NoResult };
	GetGroupsAttachedToContact: {
		parameters: ContactIdOnly;
		result: ResultPage<ContactGroup>;
		item: ContactGroup;
	};
	GetContactsInGroup: {
		parameters: GroupReference;
		result: ResultPage<GroupMember>;
		item: GroupMember;
	};

	// Pipeline items
	CreatePipelineItem: {
		parameters: {
			ContactId: Uid;
			PipelineId: Uid;
			StatusId: Uid;
			Note?: string;
			RunStatusAutomation?: boolean;
		};
		result: { PipelineItemId: Uid };
	};
	EditPipelineItem: {
		parameters: {
			PipelineItemId: Uid;
			StatusId?: Uid;
			Note?: string;
			RunStatusAutomation?: boolean;
		};
		result: NoResult;
	};
	DeletePipelineItem: { parameters: { PipelineItemId: Uid }; result: NoResult };
	DeletePipelineItems: {
		parameters: { PipelineItemIds: Uid[]; PipelineId: Uid };
		result: { NumberProcessed: number; NumberSkipped: number };
	};
	GetPipelineItem: { parameters: { PipelineItemId: Uid }; result: PipelineItem };
	GetPipelineItems: {
		parameters: {
			PipelineId: Uid;
			UserFilter?: UserId[];
			StatusFilter?: Uid[];
			AdvancedFilters?: AdvancedFilter[];
			SortBy?: 'Status' | 'DateCreated' | 'LastUpdate';
			SortDirection?: SortDirection;
		};
		result: ResultPage<PipelineItem>;
		item: PipelineItem;
	};
	GetPipelineItemsAttachedToContact: {
		parameters: ContactIdOnly;
		result: PipelineItemGroup[];
		item: PipelineItemGroup;
	};

	// Relationships
	CreateRelationship: {
		parameters: { ContactId1: Uid; ContactId2: Uid; Note?: string };
		result: { RelationshipId: Uid };
	};
	EditRelationship: { parameters: { RelationshipId: Uid; Note: string }; result: NoResult };
	DeleteRelationship: { parameters: { RelationshipId: Uid }; result: NoResult };
	GetRelationship: { parameters: { RelationshipId: Uid }; result: Relationship };
	GetRelationshipsAttachedToContact: {
		parameters: ContactIdOnly;
		result: ResultPage<Relationship>;
		item: Relationship;
	};

	// Settings: calendars
	GetCalendars: { parameters: Record<string, never>; result: Calendar[]; item: Calendar };

	// Settings: custom fields
	CreateCustomField: {
		parameters: CustomFieldSettings & {
			Name: string;
			RecordType?: CustomFieldRecordType;
			Type: CustomFieldType;
			PipelineId?: Uid;
		};
		result: { CustomFieldId: Uid };
	};
	EditCustomField: {
		parameters: CustomFieldSettings & { CustomFieldId: Uid; Name?: string };
		result: NoResult;
	};
	DeleteCustomField: {
		parameters: { CustomFieldId: Uid; SectionDeletesFields?: boolean };
		result: NoResult;
	};
	GetCustomField: { parameters: { CustomFieldId: Uid }; result: CustomField };
	GetCustomFields: {
		parameters: {
			RecordType?: Exclude<CustomFieldRecordType, 'PublicForm'>;
			PipelineId?: Uid;
			IncludeArchivedFields?: boolean;
			IncludeSections?: boolean;
		};
		// A tested client saw a bare array here too; the pager accepts either.
		result: ResultPage<CustomField> | CustomField[];
		item: CustomField;
	};

	// Settings: groups
	CreateGroup: {
		parameters: { Name: string; Sharing?: GroupSharing; TeamIds?: Uid[]; Color?: GroupColor };
		result: { GroupId: Uid };
	};
	EditGroup: {
		parameters: {
			GroupId: Uid;
			Name?: string;
			Sharing?: GroupSharing;
			TeamIds?: Uid[];
			Color?: GroupColor;
		};
		result: NoResult;
	};
	DeleteGroup: { parameters: { GroupId: Uid }; result: NoResult };
	GetGroup: { parameters: { GroupId: Uid }; result: Group };
	GetGroups: {
		parameters: { ReturnNumberOfContacts?: boolean };
		result: ResultPage<Group>;
		item: Group;
	};

	// Settings: pipelines
	CreatePipeline: {
		parameters: { Name: string; Icon: string; Permissions?: PipelinePermissions; TeamIds?: Uid[] };
		result: { PipelineId: Uid };
	};
	EditPipeline: {
		parameters: {
			PipelineId: Uid;
			Name?: string;
			Icon?: string;
			Permissions?: PipelinePermissions;
			TeamIds?: Uid[];
		};
		result: NoResult;
	};
	DeletePipeline: { parameters: { PipelineId: Uid }; result: NoResult };
	GetPipeline: { parameters: { PipelineId: Uid }; result: Pipeline };
	GetPipelines: {
		parameters: {
			IncludeArchivedPipelines?: boolean;
			IncludeCustomFields?: boolean;
			IncludeHiddenPipelines?: boolean;
		};
		result: Pipeline[];
		item: Pipeline;
	};

	// Settings: pipeline statuses
	CreatePipelineStatus: {
		parameters: { PipelineId: Uid; Name: string; IsActive?: boolean; Color?: string };
		result: { StatusId: Uid };
	};
	EditPipelineStatus: {
		parameters: { StatusId: Uid; Name: string; IsActive?: boolean; Color?: string };
		result: NoResult;
	};
	DeletePipelineStatus: { parameters: { StatusId: Uid }; result: NoResult };
	GetPipelineStatuses: {
		parameters: { PipelineId?: Uid };
		result: PipelineStatus[];
		item: PipelineStatus;
	};

	// Settings: teams
	CreateTeam: { parameters: { Name: string; UserIdList?: UserId[] }; result: { TeamId: Uid } };
	EditTeam: { parameters: { TeamId: Uid; Name?: string; UserIdList?: UserId[] }; result: NoResult };
	DeleteTeam: { parameters: { TeamId: Uid }; result: NoResult };
	GetTeam: { parameters: { TeamId: Uid }; result: Team };
	GetTeams: { parameters: Record<string, never>; result: Team[]; item: Team };

	// Settings: users
	GetUser: { parameters: Record<string, never>; result: User };
	GetUsers: { parameters: Record<string, never>; result: User[]; item: User };

	// Settings: webhooks (cannot be edited: delete and recreate)
	CreateWebhook: {
		parameters: { EndpointUrl: string; WebhookScope: WebhookScope; Events: WebhookEvent[] };
		result: { WebhookId: Uid };
	};
	GetWebhook: { parameters: { WebhookId: Uid }; result: Webhook };
	GetWebhooks: { parameters: { IncludeArchived?: boolean }; result: Webhook[]; item: Webhook };
	DeleteWebhook: { parameters: { WebhookId: Uid }; result: NoResult };
}

export type LacrmFunctionName = keyof LacrmFunctionMap;
export type ParametersOf<F extends LacrmFunctionName> = LacrmFunctionMap[F]['parameters'];
export type ResultOf<F extends LacrmFunctionName> = LacrmFunctionMap[F]['result'];

/** Functions that return a list (paged or not). */
export type ListFunctionName = {
	[F in LacrmFunctionName]: LacrmFunctionMap[F] extends { item: unknown } ? F : never;
}[LacrmFunctionName];
export type ItemOf<F extends ListFunctionName> = LacrmFunctionMap[F] extends { item: infer T }
	? T
	: never;

export type FunctionKind = 'create' | 'edit' | 'delete' | 'get' | 'list';

/**
 * How a list function answers:
 * - `paged`: takes MaxNumberOfResults/Page and answers `{HasMoreResults, Results}`
 * - `array`: answers everything at once as a bare array (or, defensively, an object keyed by id)
 */
export type ListShape = 'paged' | 'array';

export interface FunctionInfo {
	kind: FunctionKind;
	list?: ListShape;
}

const create: FunctionInfo = { kind: 'create' };
const edit: FunctionInfo = { kind: 'edit' };
const remove: FunctionInfo = { kind: 'delete' };
const get: FunctionInfo = { kind: 'get' };
const paged: FunctionInfo = { kind: 'list', list: 'paged' };
const array: FunctionInfo = { kind: 'list', list: 'array' };

/** Runtime facts per function: retries depend on whether a call writes, the pager on the shape. */
export const LACRM_FUNCTIONS: { readonly [F in LacrmFunctionName]: FunctionInfo } = {
	CreateContact: create,
	EditContact: edit,
	DeleteContact: remove,
	GetContact: get,
	GetContactsById: paged,
	GetContacts: paged,
	CreateNote: create,
	EditNote: edit,
	DeleteNote: remove,
	GetNote: get,
	GetNotes: paged,
	GetNotesAttachedToContact: paged,
	CreateTask: create,
	EditTask: edit,
	DeleteTask: remove,
	GetTask: get,
	GetTasks: paged,
	GetTasksAttachedToContact: paged,
	CreateEvent: create,
	EditEvent: edit,
	DeleteEvent: remove,
	GetEvent: get,
	GetEvents: paged,
	GetEventsAttachedToContact: paged,
	CreateEmail: create,
	GetEmail: get,
	GetEmails: paged,
	GetEmailsAttachedToContact: paged,
	DeleteEmail: remove,
	GetFile: get,
	GetFilesAttachedToContact: array,
	CreateFile: create,
	CreateGroupMembership: create,
	DeleteGroupMembership: remove,
	GetGroupsAttachedToContact: paged,
	GetContactsInGroup: paged,
	CreatePipelineItem: create,
	EditPipelineItem: edit,
	DeletePipelineItem: remove,
	DeletePipelineItems: remove,
	GetPipelineItem: get,
	GetPipelineItems: paged,
	GetPipelineItemsAttachedToContact: array,
	CreateRelationship: create,
	EditRelationship: edit,
	DeleteRelationship: remove,
	GetRelationship: get,
	GetRelationshipsAttachedToContact: paged,
	GetCalendars: array,
	CreateCustomField: create,
	EditCustomField: edit,
	DeleteCustomField: remove,
	GetCustomField: get,
	GetCustomFields: paged,
	CreateGroup: create,
	EditGroup: edit,
	DeleteGroup: remove,
	GetGroup: get,
	GetGroups: paged,
	CreatePipeline: create,
	EditPipeline: edit,
	DeletePipeline: remove,
	GetPipeline: get,
	GetPipelines: array,
	CreatePipelineStatus: create,
	EditPipelineStatus: edit,
	DeletePipelineStatus: remove,
	GetPipelineStatuses: array,
	CreateTeam: create,
	EditTeam: edit,
	DeleteTeam: remove,
	GetTeam: get,
	GetTeams: array,
	GetUser: get,
	GetUsers: array,
	CreateWebhook: create,
	GetWebhook: get,
	GetWebhooks: array,
	DeleteWebhook: remove,
};

/** Whether `fn` returns a list, i.e. may be called through the pager (`callAll`). */
export function isListFunction(fn: LacrmFunctionName): fn is ListFunctionName {
	return LACRM_FUNCTIONS[fn].kind === 'list';
}

/** A read can be repeated freely; a write must never be repeated unless LACRM certainly did not act. */
export function isReadFunction(fn: LacrmFunctionName): boolean {
	const { kind } = LACRM_FUNCTIONS[fn];
	return kind === 'get' || kind === 'list';
}

/** LACRM's largest page. */
export const MAX_PAGE_SIZE = 10_000;
