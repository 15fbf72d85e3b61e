/**
 * The operations every resource has in the same shape, one row per resource: the exact request
 * LACRM receives and the items n8n outputs. What is particular to a resource stays in its own file.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	CONTACT,
	customField,
	EMAIL,
	EVENT,
	group,
	HOOK,
	INDUSTRY,
	lacrmContact,
	LEADS,
	NOTE,
	pipeline,
	pipelineNote,
	rawEmail,
	rawEvent,
	rawTask,
	SALES,
	TASK,
	team,
	VIP,
	webhook,
} from '../helpers/records';
import { byId, runExpectingCall, uid } from '../helpers/runNode';

const CONTACT_ID = uid(101);
const PIPELINE_ITEM = uid(501);
const STATUS = uid(803);
const RELATIONSHIP = uid(201);

/** [resource, the LACRM function, the node's parameters, the record's id as LACRM takes it] */
type Row = [string, string, INodeParameters, IDataObject];

/** A Row and the record LACRM answers with. */
type GetRow = [...Row, IDataObject];

// Some resources pick the record with a resource locator (byId), the others take the id as text.
// A pipeline item's pipeline only narrows its picker: LACRM gets the item id alone.
const deletes: Row[] = [
	['contact', 'DeleteContact', { contactId: byId(CONTACT_ID) }, { ContactId: CONTACT_ID }],
	[
		'customField',
		'DeleteCustomField',
		{ customFieldId: byId(INDUSTRY) },
		{ CustomFieldId: INDUSTRY },
	],
	['email', 'DeleteEmail', { emailId: EMAIL }, { EmailId: EMAIL }],
	['event', 'DeleteEvent', { eventId: EVENT }, { EventId: EVENT }],
	['group', 'DeleteGroup', { groupId: byId(VIP) }, { GroupId: VIP }],
	['note', 'DeleteNote', { noteId: NOTE }, { NoteId: NOTE }],
	['pipeline', 'DeletePipeline', { pipelineId: byId(LEADS) }, { PipelineId: LEADS }],
	[
		'pipelineItem',
		'DeletePipelineItem',
		{ pipelineId: byId(uid(401)), pipelineItemId: byId(PIPELINE_ITEM) },
		{ PipelineItemId: PIPELINE_ITEM },
	],
	['pipelineStatus', 'DeletePipelineStatus', { statusId: byId(STATUS) }, { StatusId: STATUS }],
	[
		'relationship',
		'DeleteRelationship',
		{ relationshipId: RELATIONSHIP },
		{ RelationshipId: RELATIONSHIP },
	],
	['task', 'DeleteTask', { taskId: TASK }, { TaskId: TASK }],
	['team', 'DeleteTeam', { teamId: byId(SALES) }, { TeamId: SALES }],
	['webhook', 'DeleteWebhook', { webhookId: byId(HOOK) }, { WebhookId: HOOK }],
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
		lacrmContact(CONTACT_ID),
	],
	[
		'customField',
		'GetCustomField',
		{ customFieldId: byId(INDUSTRY) },
		{ CustomFieldId: INDUSTRY },
		customField,
	],
	[
		'email',
		'GetEmail',
		{ emailId: EMAIL, simplify: false },
		{ EmailId: EMAIL },
		rawEmail(EMAIL, 'Hello'),
	],
	[
		'event',
		'GetEvent',
		{ eventId: EVENT, simplify: false },
		{ EventId: EVENT },
		rawEvent(EVENT, 'Demo call'),
	],
	['group', 'GetGroup', { groupId: byId(VIP) }, { GroupId: VIP }, group],
	['note', 'GetNote', { noteId: NOTE, simplify: false }, { NoteId: NOTE }, pipelineNote],
	['pipeline', 'GetPipeline', { pipelineId: byId(LEADS) }, { PipelineId: LEADS }, pipeline],
	[
		'task',
		'GetTask',
		{ taskId: TASK, simplify: false },
		{ TaskId: TASK },
		rawTask(TASK, 'Follow up'),
	],
	['team', 'GetTeam', { teamId: byId(SALES) }, { TeamId: SALES }, team],
	['webhook', 'GetWebhook', { webhookId: byId(HOOK) }, { WebhookId: HOOK }, webhook],
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
	['email', 'GetEmailsAttachedToContact', [rawEmail(uid(701), 'One'), rawEmail(uid(702), 'Two')]],
	['event', 'GetEventsAttachedToContact', [rawEvent(uid(601), 'One'), rawEvent(uid(602), 'Two')]],
	['task', 'GetTasksAttachedToContact', [rawTask(uid(401), 'One'), rawTask(uid(402), 'Two')]],
];

describe('Get Many for Contact', () => {
	it.each(forContact)(
		'%s: sends %s with the ContactId and outputs one item per record',
		async (resource, fn, records) => {
			const { json, items } = await runExpectingCall(
				[
					fn,
					{ ContactId: CONTACT, MaxNumberOfResults: 50, Page: 1 },
					{ HasMoreResults: false, Results: records },
				],
				{
					resource,
					operation: 'getAllForContact',
					parameters: { contactId: byId(CONTACT), simplify: false },
				},
			);
			expect(json).toEqual(records);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		},
	);
});
