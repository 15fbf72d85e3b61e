/**
 * The operations every resource has in the same shape, one row per resource: the exact request
 * LACRM receives and the items n8n outputs. What is particular to a resource stays in its own file.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import * as records from '../helpers/records';
import type { RunNodeOptions } from '../helpers/runNode';
import { byId, runExpectingCall, uid } from '../helpers/runNode';

const CONTACT_ID = uid(101);

/** [resource, the LACRM function, the node's parameters, the record's id as LACRM takes it] */
type Row = [string, string, INodeParameters, IDataObject];

/** A Row and the record LACRM answers with. */
type GetRow = [...Row, IDataObject];

// Some resources pick the record with a resource locator (byId), the others take the id as text.
// A records.pipeline item's records.pipeline only narrows its picker: LACRM gets the item id alone.
const deletes: Row[] = [
	['contact', 'DeleteContact', { contactId: byId(CONTACT_ID) }, { ContactId: CONTACT_ID }],
	[
		'customField',
		'DeleteCustomField',
		{ customFieldId: byId(records.INDUSTRY) },
		{ CustomFieldId: records.INDUSTRY },
	],
	['email', 'DeleteEmail', { emailId: records.EMAIL }, { EmailId: records.EMAIL }],
	['event', 'DeleteEvent', { eventId: records.EVENT }, { EventId: records.EVENT }],
	['group', 'DeleteGroup', { groupId: byId(records.VIP) }, { GroupId: records.VIP }],
	['note', 'DeleteNote', { noteId: records.NOTE }, { NoteId: records.NOTE }],
	[
		'pipeline',
		'DeletePipeline',
		{ pipelineId: byId(records.LEADS) },
		{ PipelineId: records.LEADS },
	],
	[
		'pipelineItem',
		'DeletePipelineItem',
		{ pipelineId: byId(records.ITEM_PIPELINE), pipelineItemId: byId(records.ITEM) },
		{ PipelineItemId: records.ITEM },
	],
	[
		'pipelineStatus',
		'DeletePipelineStatus',
		{ statusId: byId(records.PROPOSAL) },
		{ StatusId: records.PROPOSAL },
	],
	[
		'relationship',
		'DeleteRelationship',
		{ relationshipId: records.RELATIONSHIP },
		{ RelationshipId: records.RELATIONSHIP },
	],
	['task', 'DeleteTask', { taskId: records.TASK }, { TaskId: records.TASK }],
	['team', 'DeleteTeam', { teamId: byId(records.SALES) }, { TeamId: records.SALES }],
	['webhook', 'DeleteWebhook', { webhookId: byId(records.HOOK) }, { WebhookId: records.HOOK }],
];

describe('Delete', () => {
	it.each(deletes)(
		'%s: sends %s with the id only and outputs the id + deleted: true',
		async (resource, fn, parameters, id) => {
			const { json, items } = await runExpectingCall([fn, id, {}], {
				resource,
				operation: 'delete',
				parameters,
			});
			expect(json).toEqual([{ ...id, deleted: true }]);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		},
	);
});

// With Simplify off where the resource simplifies: the record, metadata and all, exactly as sent.
const gets: GetRow[] = [
	[
		'contact',
		'GetContact',
		{ contactId: byId(CONTACT_ID), simplify: false },
		{ ContactId: CONTACT_ID },
		records.lacrmContact(CONTACT_ID),
	],
	[
		'customField',
		'GetCustomField',
		{ customFieldId: byId(records.INDUSTRY) },
		{ CustomFieldId: records.INDUSTRY },
		records.customField,
	],
	[
		'email',
		'GetEmail',
		{ emailId: records.EMAIL, simplify: false },
		{ EmailId: records.EMAIL },
		records.rawEmail(records.EMAIL, 'Hello'),
	],
	[
		'event',
		'GetEvent',
		{ eventId: records.EVENT, simplify: false },
		{ EventId: records.EVENT },
		records.rawEvent(records.EVENT, 'Demo call'),
	],
	['group', 'GetGroup', { groupId: byId(records.VIP) }, { GroupId: records.VIP }, records.group],
	[
		'note',
		'GetNote',
		{ noteId: records.NOTE, simplify: false },
		{ NoteId: records.NOTE },
		records.pipelineNote,
	],
	[
		'pipeline',
		'GetPipeline',
		{ pipelineId: byId(records.LEADS) },
		{ PipelineId: records.LEADS },
		records.pipeline,
	],
	[
		'task',
		'GetTask',
		{ taskId: records.TASK, simplify: false },
		{ TaskId: records.TASK },
		records.rawTask(records.TASK, 'Follow up'),
	],
	['team', 'GetTeam', { teamId: byId(records.SALES) }, { TeamId: records.SALES }, records.team],
	[
		'webhook',
		'GetWebhook',
		{ webhookId: byId(records.HOOK) },
		{ WebhookId: records.HOOK },
		records.webhook,
	],
];

describe('Get', () => {
	it.each(gets)(
		'%s: sends %s with the id only and outputs the record as LACRM sent it',
		async (resource, fn, parameters, id, record) => {
			const { json, items } = await runExpectingCall([fn, id, record], {
				resource,
				operation: 'get',
				parameters,
			});
			expect(json).toEqual([record]);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		},
	);
});

// One page of LACRM's default size, with Simplify off: every record of the page as its own item.
const forContact: Array<[string, string, IDataObject[]]> = [
	[
		'email',
		'GetEmailsAttachedToContact',
		[records.rawEmail(uid(701), 'One'), records.rawEmail(uid(702), 'Two')],
	],
	[
		'event',
		'GetEventsAttachedToContact',
		[records.rawEvent(uid(601), 'One'), records.rawEvent(uid(602), 'Two')],
	],
	[
		'task',
		'GetTasksAttachedToContact',
		[records.rawTask(uid(401), 'One'), records.rawTask(uid(402), 'Two')],
	],
];

describe('Get Many for Contact', () => {
	it.each(forContact)(
		'%s: sends %s with the ContactId and outputs one item per record',
		async (resource, fn, page) => {
			const { json, items } = await runExpectingCall(
				[
					fn,
					{ ContactId: records.CONTACT, MaxNumberOfResults: 50, Page: 1 },
					{ HasMoreResults: false, Results: page },
				],
				{
					resource,
					operation: 'getAllForContact',
					parameters: { contactId: byId(records.CONTACT), simplify: false },
				},
			);
			expect(json).toEqual(page);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		},
	);
});

/** [the test: resource → operation › case, the LACRM function, how the node runs, the fields sent, the id LACRM answers] */
const creates: Array<[string, string, RunNodeOptions, IDataObject, IDataObject]> = [
	[
		'Custom Field → Create › sends CreateCustomField for a dropdown with its options as [{Name}], and outputs the CustomFieldId',
		'CreateCustomField',
		{
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Industry',
				type: 'Dropdown',
				recordType: 'Contact',
				fieldOptions: { option: [{ name: 'Retail' }, { name: ' Finance ' }, { name: '' }] },
				additionalFields: { isRequired: true },
			},
		},
		{
			Name: 'Industry',
			Type: 'Dropdown',
			RecordType: 'Contact',
			Options: [{ Name: 'Retail' }, { Name: 'Finance' }],
			IsRequired: true,
		},
		{ CustomFieldId: records.INDUSTRY },
	],
	[
		'Custom Field → Create › sends the pipeline and badge settings of a pipeline field, and display settings as JSON',
		'CreateCustomField',
		{
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Deal Size',
				type: 'Currency',
				recordType: 'Pipeline',
				pipelineId: byId(records.LEADS),
				additionalFields: {
					showOnActiveBadge: true,
					showOnReport: true,
					currencyDisplaySettings: '{"CurrencySymbol": "$", "DecimalPlaces": 0}',
				},
			},
		},
		{
			Name: 'Deal Size',
			Type: 'Currency',
			RecordType: 'Pipeline',
			PipelineId: records.LEADS,
			ShowOnActiveBadge: true,
			ShowOnReport: true,
			CurrencyDisplaySettings: { CurrencySymbol: '$', DecimalPlaces: 0 },
		},
		{ CustomFieldId: records.INDUSTRY },
	],
	[
		'Event → Create (CreateEvent) › sends name, times and every additional field, and outputs the EventId',
		'CreateEvent',
		{
			resource: 'event',
			operation: 'create',
			parameters: {
				name: 'Demo call',
				startDate: '2025-01-15T14:00:00-05:00',
				endDate: '2025-01-15T15:00:00-05:00',
				additionalFields: {
					isAllDay: false,
					location: 'Zoom',
					description: 'Agenda:\n1. Demo',
					calendarId: byId(records.CALENDAR),
					attendees: {
						entries: [
							{ kind: 'contact', id: records.CONTACT, status: 'Maybe' },
							{ kind: 'user', id: '1001', status: 'IsAttending' },
						],
					},
					isRecurring: true,
					recurrenceRule: 'FREQ=WEEKLY;BYDAY=WE',
					endRecurrenceRule: '2025-06-30',
				},
			},
		},
		{
			Name: 'Demo call',
			StartDate: '2025-01-15T14:00:00-05:00',
			EndDate: '2025-01-15T15:00:00-05:00',
			IsAllDay: false,
			Location: 'Zoom',
			Description: 'Agenda:\n1. Demo',
			CalendarId: records.CALENDAR,
			Attendees: [
				{ IsUser: false, AttendeeId: records.CONTACT, AttendanceStatus: 'Maybe' },
				{ IsUser: true, AttendeeId: '1001', AttendanceStatus: 'IsAttending' },
			],
			IsRecurring: true,
			RecurrenceRule: 'FREQ=WEEKLY;BYDAY=WE',
			// A bare date is its midnight in the workflow's time zone (n8n's default, New York).
			EndRecurrenceRule: '2025-06-30T00:00:00-04:00',
		},
		{ EventId: records.EVENT },
	],
	[
		'Event → Create (CreateEvent) › a recurrence rule makes the event recurring; a pasted "RRULE:" prefix is dropped',
		'CreateEvent',
		{
			resource: 'event',
			operation: 'create',
			parameters: {
				name: 'Stand-up',
				startDate: '2025-01-06T09:00:00+01:00',
				endDate: '2025-01-06T09:15:00+01:00',
				additionalFields: { recurrenceRule: 'RRULE:FREQ=DAILY;COUNT=10' },
			},
		},
		{
			Name: 'Stand-up',
			StartDate: '2025-01-06T09:00:00+01:00',
			EndDate: '2025-01-06T09:15:00+01:00',
			RecurrenceRule: 'FREQ=DAILY;COUNT=10',
			IsRecurring: true,
		},
		{ EventId: records.EVENT },
	],
	[
		'Group → Create › sends CreateGroup with name, sharing and color, and outputs the GroupId',
		'CreateGroup',
		{
			resource: 'group',
			operation: 'create',
			parameters: {
				name: 'VIP Clients',
				sharing: 'Public',
				additionalFields: { color: 'LightBlue' },
			},
		},
		{ Name: 'VIP Clients', Sharing: 'Public', Color: 'LightBlue' },
		{ GroupId: records.VIP },
	],
	[
		"Group → Create › sends LACRM's default sharing (Private) when none is chosen",
		'CreateGroup',
		{
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients' },
		},
		{ Name: 'VIP Clients', Sharing: 'Private' },
		{ GroupId: records.VIP },
	],
	[
		'Group → Create › sends the teams when sharing with teams',
		'CreateGroup',
		{
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients', sharing: 'Teams', teamIds: [uid(501), uid(502)] },
		},
		{ Name: 'VIP Clients', Sharing: 'Teams', TeamIds: [uid(501), uid(502)] },
		{ GroupId: records.VIP },
	],
	[
		'Note → Create (CreateNote) › sends the contact, the text and the history date, and outputs the NoteId',
		'CreateNote',
		{
			resource: 'note',
			operation: 'create',
			parameters: {
				contactId: byId(records.CONTACT),
				note: 'Called,\nleft a voicemail',
				additionalFields: { dateDisplayedInHistory: '2025-01-31T14:00:00-05:00' },
			},
		},
		{
			ContactId: records.CONTACT,
			Note: 'Called,\nleft a voicemail',
			DateDisplayedInHistory: '2025-01-31T14:00:00-05:00',
		},
		{ NoteId: records.NOTE },
	],
	[
		'Note → Create (CreateNote) › sends only the required parameters when nothing else is set',
		'CreateNote',
		{
			resource: 'note',
			operation: 'create',
			parameters: { contactId: byId(records.CONTACT), note: 'Hi' },
		},
		{ ContactId: records.CONTACT, Note: 'Hi' },
		{ NoteId: records.NOTE },
	],
	[
		'Pipeline → Create › sends CreatePipeline with name, icon and permissions, and outputs the PipelineId',
		'CreatePipeline',
		{
			resource: 'pipeline',
			operation: 'create',
			parameters: { name: 'Leads', icon: 'cart' },
		},
		{ Name: 'Leads', Icon: 'cart', Permissions: 'Public' },
		{ PipelineId: records.LEADS },
	],
	[
		'Pipeline → Create › passes an icon that is not in the list through (LACRM may have more)',
		'CreatePipeline',
		{
			resource: 'pipeline',
			operation: 'create',
			parameters: {
				name: 'Leads',
				icon: '={{ "rocket" }}',
				permissions: 'TeamSharing',
				teamIds: [uid(501)],
			},
		},
		{
			Name: 'Leads',
			Icon: 'rocket',
			Permissions: 'TeamSharing',
			TeamIds: [uid(501)],
		},
		{ PipelineId: records.LEADS },
	],
	[
		'Pipeline Status → Create › sends CreatePipelineStatus as an open status by default, and outputs the StatusId',
		'CreatePipelineStatus',
		{
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: { pipelineId: byId(records.LEADS), name: 'Proposal Sent' },
		},
		{ PipelineId: records.LEADS, Name: 'Proposal Sent', IsActive: true },
		{ StatusId: uid(803) },
	],
	[
		'Pipeline Status → Create › sends a closed status with the hex color picked',
		'CreatePipelineStatus',
		{
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: {
				pipelineId: byId(records.LEADS),
				name: 'Won',
				isActive: 'closed',
				additionalFields: { color: '#32CD32' },
			},
		},
		{ PipelineId: records.LEADS, Name: 'Won', IsActive: false, Color: '#32CD32' },
		{ StatusId: uid(803) },
	],
	[
		'Relationship → Create › sends CreateRelationship with both contacts and the note, and outputs the RelationshipId',
		'CreateRelationship',
		{
			resource: 'relationship',
			operation: 'create',
			parameters: {
				contactId: byId(uid(101)),
				relatedContactId: byId(uid(102)),
				additionalFields: { note: 'Referred by' },
			},
		},
		{ ContactId1: uid(101), ContactId2: uid(102), Note: 'Referred by' },
		{ RelationshipId: uid(201) },
	],
	[
		'Relationship → Create › leaves Note out when it is not set',
		'CreateRelationship',
		{
			resource: 'relationship',
			operation: 'create',
			parameters: { contactId: byId(uid(101)), relatedContactId: byId(uid(102)) },
		},
		{ ContactId1: uid(101), ContactId2: uid(102) },
		{ RelationshipId: uid(201) },
	],
	[
		'Task → Create (CreateTask) › sends the name and every additional field, and outputs the TaskId',
		'CreateTask',
		{
			resource: 'task',
			operation: 'create',
			parameters: {
				name: 'Send the proposal',
				additionalFields: {
					dueDate: '2025-02-03',
					assignedTo: byId('1002'),
					calendarId: byId(records.CALENDAR),
					description: 'Line 1\nLine 2',
					contactId: byId(records.CONTACT),
				},
			},
		},
		{
			Name: 'Send the proposal',
			DueDate: '2025-02-03',
			AssignedTo: '1002',
			CalendarId: records.CALENDAR,
			Description: 'Line 1\nLine 2',
			ContactId: records.CONTACT,
		},
		{ TaskId: records.TASK },
	],
	[
		'Task → Create (CreateTask) › sends a date picked with a time as the day only (tasks are date-only)',
		'CreateTask',
		{
			resource: 'task',
			operation: 'create',
			parameters: { name: 'Call back', additionalFields: { dueDate: '2025-02-03T09:30:00' } },
		},
		{ Name: 'Call back', DueDate: '2025-02-03' },
		{ TaskId: records.TASK },
	],
	[
		'Team → Create › sends CreateTeam with the name and members, and outputs the TeamId',
		'CreateTeam',
		{
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: ['1001', '1002'] } },
		},
		{ Name: 'Sales', UserIdList: ['1001', '1002'] },
		{ TeamId: records.SALES },
	],
	[
		'Team → Create › accepts member ids from an expression as a list of numbers and strings',
		'CreateTeam',
		{
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: '={{ [1001, "1002"] }}' } },
		},
		{ Name: 'Sales', UserIdList: ['1001', '1002'] },
		{ TeamId: records.SALES },
	],
	[
		'Webhook → Create › sends CreateWebhook with URL, scope and events, and outputs the WebhookId',
		'CreateWebhook',
		{
			resource: 'webhook',
			operation: 'create',
			parameters: {
				endpointUrl: records.WEBHOOK_URL,
				webhookScope: 'Account',
				events: ['Contact.Create', 'PipelineItemStatus.Update'],
			},
		},
		{
			EndpointUrl: records.WEBHOOK_URL,
			WebhookScope: 'Account',
			Events: ['Contact.Create', 'PipelineItemStatus.Update'],
		},
		{ WebhookId: records.HOOK },
	],
];

describe('Create', () => {
	it.each(creates)('%s', async (_test, fn, options, sent, id) => {
		const { json, items } = await runExpectingCall([fn, sent, id], options);
		// Created records are output as their id plus the fields as sent (no extra call).
		expect(json).toEqual([{ ...id, ...sent }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});
