/**
 * LACRM records as LACRM answers them (API v2), shared by a resource's own tests and the tables of
 * common-shapes.test.ts. The ids are exported for the tests that expect them in requests or output.
 */
import { uid } from './runNode';

/** The contact the activities below (emails, events, notes, tasks) are attached to. */
export const CONTACT = uid(100);
export const CALENDAR = uid(500);
export const EMAIL = uid(700);
export const EVENT = uid(600);
export const NOTE = uid(200);
export const TASK = uid(400);
/** The "VIP Clients" group. */
export const VIP = uid(601);
/** The "Leads" pipeline. */
export const LEADS = uid(701);
/** The "Sales" team. */
export const SALES = uid(501);
/** The contact Jane Doe and the company Acme Inc, and the relationship between them. */
export const JANE = uid(101);
export const ACME = uid(102);
export const RELATIONSHIP = uid(201);
/** A pipeline item (of Jane), its pipeline and that pipeline's statuses. */
export const ITEM = uid(501);
export const ITEM_PIPELINE = uid(401);
export const NEW = uid(411);
export const CONTACTED = uid(412);
export const WON = uid(413);
/** A status of the Leads pipeline. */
export const PROPOSAL = uid(803);
export const HOOK = uid(1101);
export const WEBHOOK_URL = 'https://example.com/hooks/lacrm';
/** The "Industry" dropdown custom field and its two options. */
export const INDUSTRY = uid(1201);
export const RETAIL = uid(1301);
export const FINANCE = uid(1302);

export const rawEmail = (id: string, subject: string) => ({
	EmailId: id,
	ContactIds: [CONTACT],
	ContactMetaData: [{ Name: 'John Doe', AssignedTo: '1001' }],
	From: { Address: 'john@example.com', Name: 'John' },
	To: [{ Address: 'jane@example.com', Name: 'Jane' }],
	Cc: [],
	Subject: subject,
	Body: 'Hello',
	Date: '2024-12-21T03:57:24-08:00',
	UserId: '1001',
});

export const rawEvent = (id: string, name: string) => ({
	EventId: id,
	Name: name,
	StartDate: '2025-01-15T14:00:00-05:00',
	EndDate: '2025-01-15T15:00:00-05:00',
	Location: '',
	Description: '',
	IsAllDay: false,
	IsRecurring: false,
	RecurrenceEventId: null,
	RecurrenceRule: '',
	EndRecurrenceDate: null,
	SeriesNumber: 0,
	DateCreated: '2025-01-10T09:00:00-08:00',
	DateUpdated: '2025-01-10T09:00:00-08:00',
	ContactIds: [CONTACT],
	UserIds: ['1001'],
	Attendees: [
		{ IsUser: true, AttendeeId: '1001', AttendanceStatus: 'IsAttending' },
		{ IsUser: false, AttendeeId: CONTACT, AttendanceStatus: 'Maybe' },
	],
	CalendarId: CALENDAR,
	ContactMetaData: [{ Name: 'John Doe', AssignedTo: '1001' }],
	UserMetaData: [{ FirstName: 'Jane', LastName: 'Owner' }],
	CalendarMetaData: { Name: 'Work' },
});

export const rawNote = (id: string, text: string) => ({
	NoteId: id,
	ContactId: CONTACT,
	UserId: '1001',
	DateCreated: '2025-12-22T21:30:46-08:00',
	DateDisplayedInHistory: '2025-12-22T21:30:46-08:00',
	Note: text,
	IsRichText: false,
	ContactMetaData: { Name: 'John Doe', AssignedTo: '1001' },
	UserMetaData: { FirstName: 'Jane', LastName: 'Owner' },
	PipelineInfo: null,
});

export const pipelineNote = {
	...rawNote(NOTE, 'Moved to Contacted'),
	PipelineInfo: {
		PipelineId: uid(300),
		PipelineItemId: uid(301),
		StatusId: uid(302),
		PreviousStatusId: uid(303),
		PipelineMetaData: { Name: 'Leads' },
		StatusMetaData: { Name: 'Contacted' },
	},
};

export const rawTask = (id: string, name: string) => ({
	TaskId: id,
	Name: name,
	DueDate: '2025-01-15',
	AssignedTo: '1001',
	Description: '',
	ContactId: CONTACT,
	IsCompleted: false,
	DateCompleted: null,
	CalendarId: CALENDAR,
	DateCreated: '2025-01-10T09:00:00-08:00',
	AssignedToMetaData: { FirstName: 'Jane', LastName: 'Owner' },
	ContactMetaData: { Name: 'John Doe', AssignedTo: '1001' },
});

export function lacrmContact(id: string, extra: Record<string, unknown> = {}) {
	return {
		ContactId: id,
		AssignedTo: 1001,
		IsCompany: false,
		CompanyId: uid(900),
		Name: { Salutation: '', FirstName: 'Jane', MiddleName: 'Q.', LastName: 'Smith', Suffix: '' },
		Email: [
			{ Text: 'jane@example.com', Type: 'Work', TypeId: 1 },
			{ Text: 'jane@home.example', Type: 'Personal', TypeId: 2 },
		],
		Phone: [{ Text: '+1 (555) 010-0100', Type: 'Mobile', TypeId: 2 }],
		Address: [
			{
				Street: '1 Main St',
				City: 'Springfield',
				State: 'MO',
				Zip: '65801',
				Country: 'US',
				Type: 'Work',
				TypeId: 1,
			},
		],
		Website: [],
		'Company Name': 'Acme Inc',
		'Job Title': 'CEO',
		'Background Info': '',
		Birthday: null,
		DateCreated: '2025-01-10T09:00:00-08:00',
		LastUpdate: '2025-02-10T09:00:00-08:00',
		UserMetaData: { FirstName: 'Owen', LastName: 'Owner' },
		Industry: 'Retail',
		...extra,
	};
}

export const group = {
	GroupId: VIP,
	Name: 'VIP Clients',
	Sharing: 'Public',
	TeamIds: [],
	Color: 'Blue',
};

export const pipeline = {
	PipelineId: LEADS,
	Name: 'Leads',
	Icon: 'dollar_sign',
	DateCreated: '2025-12-22T21:35:09-08:00',
	DateArchived: null,
	Permissions: 'Public',
	SharingTeamIds: [],
	Statuses: [
		{ StatusId: uid(801), Name: 'New', IsActive: true, Color: 'Blue' },
		{ StatusId: uid(802), Name: 'Closed - Won', IsActive: false, Color: 'Green' },
	],
};

export const team = {
	TeamId: SALES,
	Name: 'Sales',
	DateCreated: '2025-12-22T21:35:09-08:00',
	UserIds: ['1001', '1002'],
};

export const webhook = {
	WebhookId: HOOK,
	EndpointUrl: WEBHOOK_URL,
	LastSendDate: '2025-12-22T21:35:09-08:00',
	SubscribedEvents: ['Contact.Create', 'PipelineItemStatus.Create'],
	DateArchived: null,
};

export const customField = {
	CustomFieldId: INDUSTRY,
	Name: 'Industry',
	Type: 'Dropdown',
	RecordType: 'Contact',
	PipelineId: null,
	IsRequired: false,
	Options: [
		{ OptionId: RETAIL, Name: 'Retail' },
		{ OptionId: FINANCE, Name: 'Finance' },
	],
	IsArchived: false,
};
