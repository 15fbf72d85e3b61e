/**
 * The operations every resource has in the same shape, one row per resource: the exact request
 * LACRM receives and the items n8n outputs. What is particular to a resource stays in its own file.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, runExpectingCall, uid } from '../helpers/runNode';

const CONTACT = uid(101);
const CUSTOM_FIELD = uid(1201);
const EMAIL = uid(700);
const EVENT = uid(600);
const GROUP = uid(601);
const NOTE = uid(200);
const PIPELINE = uid(701);
const PIPELINE_ITEM = uid(501);
const STATUS = uid(803);
const RELATIONSHIP = uid(201);
const TASK = uid(400);
const TEAM = uid(501);
const WEBHOOK = uid(1101);

/** [resource, the LACRM function, the node's parameters, the record's id as LACRM takes it] */
type Row = [string, string, INodeParameters, IDataObject];

// Some resources pick the record with a resource locator (byId), the others take the id as text.
// A pipeline item's pipeline only narrows its picker: LACRM gets the item id alone.
const deletes: Row[] = [
	['contact', 'DeleteContact', { contactId: byId(CONTACT) }, { ContactId: CONTACT }],
	[
		'customField',
		'DeleteCustomField',
		{ customFieldId: byId(CUSTOM_FIELD) },
		{ CustomFieldId: CUSTOM_FIELD },
	],
	['email', 'DeleteEmail', { emailId: EMAIL }, { EmailId: EMAIL }],
	['event', 'DeleteEvent', { eventId: EVENT }, { EventId: EVENT }],
	['group', 'DeleteGroup', { groupId: byId(GROUP) }, { GroupId: GROUP }],
	['note', 'DeleteNote', { noteId: NOTE }, { NoteId: NOTE }],
	['pipeline', 'DeletePipeline', { pipelineId: byId(PIPELINE) }, { PipelineId: PIPELINE }],
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
	['team', 'DeleteTeam', { teamId: byId(TEAM) }, { TeamId: TEAM }],
	['webhook', 'DeleteWebhook', { webhookId: byId(WEBHOOK) }, { WebhookId: WEBHOOK }],
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
