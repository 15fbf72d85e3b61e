/**
 * Input the node refuses before it sends any request, one row per case: the operation's input and
 * the error n8n shows (always a NodeOperationError naming the field).
 */
import * as records from '../helpers/records';
import type { RunNodeOptions } from '../helpers/runNode';
import { byId, runExpectingRefusal } from '../helpers/runNode';
import { mapper } from '../helpers/resourceMapper';

/** [the test: resource → operation › case, how the node runs, the message it stops with] */
const refusals: Array<[string, RunNodeOptions, unknown]> = [
	[
		'Custom Field → Create › refuses a pipeline field without a pipeline, before sending anything',
		{
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Deal Size',
				type: 'Number',
				recordType: 'Pipeline',
				pipelineId: byId('={{ "" }}'),
			},
		},
		'Invalid "Pipeline": it is required when Record Type is Pipeline',
	],
	[
		'Custom Field → Create › refuses display settings that are not JSON',
		{
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Due',
				type: 'Date',
				additionalFields: { dateDisplaySettings: '{Format: yyyy}' },
			},
		},
		expect.stringMatching(/^Invalid "Date Display Settings \(JSON\)": not valid JSON/),
	],
	[
		'Custom Field → Create › refuses options for a type without options',
		{
			resource: 'customField',
			operation: 'create',
			parameters: { name: 'Notes', type: 'Text', additionalFields: { fieldOptionsJson: '["A"]' } },
		},
		'Invalid "Field Options (JSON)": options only apply to Dropdown, Radio List and Checkbox fields',
	],
	[
		'Custom Field → Create › refuses both option lists at once',
		{
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Tags',
				type: 'Dropdown',
				fieldOptions: { option: [{ name: 'A' }] },
				additionalFields: { fieldOptionsJson: '["B"]' },
			},
		},
		'Invalid "Field Options": it cannot be combined with Field Options (JSON); use one of them',
	],
	[
		'Custom Field → Create › refuses an option listed twice',
		{
			resource: 'customField',
			operation: 'create',
			parameters: {
				name: 'Industry',
				type: 'RadioList',
				fieldOptions: { option: [{ name: 'Retail' }, { name: 'Retail' }] },
			},
		},
		'Invalid "Field Options": "Retail" is listed twice',
	],
	[
		'Custom Field → Update › refuses a malformed Option ID',
		{
			resource: 'customField',
			operation: 'update',
			parameters: {
				customFieldId: byId(records.INDUSTRY),
				updateFields: { fieldOptions: { option: [{ name: 'Retail', optionId: 'retail' }] } },
			},
		},
		'Invalid "Field Options → Option ID": "retail" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Custom Field → Update › refuses an update with nothing to change',
		{
			resource: 'customField',
			operation: 'update',
			parameters: { customFieldId: byId(records.INDUSTRY), updateFields: { fieldOptions: {} } },
		},
		'Invalid "Update Fields": nothing to change: set at least one field',
	],
	[
		'Custom Field → Get Many › refuses a pipeline filter with another record type',
		{
			resource: 'customField',
			operation: 'getAll',
			parameters: { filters: { recordType: 'Company', pipelineId: byId(records.LEADS) } },
		},
		'Invalid "Pipeline": a pipeline filter only works with Record Type Pipeline (got Company)',
	],
	[
		'Email → Get (GetEmail) › refuses a missing email id, before any request',
		{
			resource: 'email',
			operation: 'get',
			input: [{}],
			parameters: { emailId: '={{ $json.id }}' },
		},
		'Invalid "Email ID": it is required',
	],
	[
		'Email → Get Many (GetEmails) › refuses a date range that ends before it starts, before any request',
		{
			resource: 'email',
			operation: 'getAll',
			parameters: { filters: { dateFilterStart: '2025-01-02', dateFilterEnd: '2025-01-01' } },
		},
		expect.stringMatching(/^Invalid "Filters → To Date"/),
	],
	[
		'Event → Create (CreateEvent) › refuses an end before the start, before any request',
		{
			resource: 'event',
			operation: 'create',
			parameters: {
				name: 'Demo',
				startDate: '2025-01-15T15:00:00Z',
				endDate: '2025-01-15T14:00:00Z',
			},
		},
		expect.stringMatching(/^Invalid "End": 2025-01-15T14:00:00Z is before the start/),
	],
	[
		'Event → Create (CreateEvent) › refuses a start that is not a date and time, before any request',
		{
			resource: 'event',
			operation: 'create',
			parameters: { name: 'Demo', startDate: 'tomorrow 2pm', endDate: '2025-01-15T14:00:00Z' },
		},
		expect.stringMatching(/^Invalid "Start"/),
	],
	[
		'Event → Create (CreateEvent) › refuses a missing end, before any request',
		{
			resource: 'event',
			operation: 'create',
			input: [{}],
			parameters: { name: 'Demo', startDate: '2025-01-15T14:00:00Z', endDate: '={{ $json.end }}' },
		},
		'Invalid "End": it is required',
	],
	[
		'Event → Create (CreateEvent) › refuses a recurrence rule that is not an RRULE, before any request',
		{
			resource: 'event',
			operation: 'create',
			parameters: {
				name: 'Demo',
				startDate: '2025-01-15T14:00:00Z',
				endDate: '2025-01-15T15:00:00Z',
				additionalFields: { recurrenceRule: 'every Monday' },
			},
		},
		'Invalid "Additional Fields → Recurrence Rule": "every Monday" is not an RRULE',
	],
	[
		'Event → Create (CreateEvent) › refuses a recurring event without a rule, before any request',
		{
			resource: 'event',
			operation: 'create',
			parameters: {
				name: 'Demo',
				startDate: '2025-01-15T14:00:00Z',
				endDate: '2025-01-15T15:00:00Z',
				additionalFields: { isRecurring: true },
			},
		},
		expect.stringMatching(
			/^Invalid "Additional Fields → Recurrence Rule": a recurring event needs a rule/,
		),
	],
	[
		'Event → Create (CreateEvent) › refuses an attendee id that is not an id, before any request',
		{
			resource: 'event',
			operation: 'create',
			parameters: {
				name: 'Demo',
				startDate: '2025-01-15T14:00:00Z',
				endDate: '2025-01-15T15:00:00Z',
				additionalFields: {
					attendees: { entries: [{ kind: 'contact', id: 'John Doe', status: 'IsAttending' }] },
				},
			},
		},
		expect.stringMatching(/^Invalid "Attendees ID"/),
	],
	[
		'Event → Update (EditEvent) › refuses an update with nothing to change, before any request',
		{
			resource: 'event',
			operation: 'update',
			parameters: { eventId: records.EVENT, updateFields: {} },
		},
		expect.stringMatching(/^Invalid "Update Fields": nothing to change/),
	],
	[
		'Event → Update (EditEvent) › refuses a new end before the new start, before any request',
		{
			resource: 'event',
			operation: 'update',
			parameters: {
				eventId: records.EVENT,
				updateFields: { startDate: '2025-01-16T14:00:00Z', endDate: '2025-01-16T13:00:00Z' },
			},
		},
		expect.stringMatching(/^Invalid "Update Fields → End"/),
	],
	[
		'Event → Get Many (GetEvents) › refuses a calendar id that is not an id, before any request',
		{
			resource: 'event',
			operation: 'getAll',
			parameters: { filters: { calendarFilter: 'Work' } },
		},
		expect.stringMatching(/^Invalid "Calendars"/),
	],
	[
		'File → Get › refuses a malformed FileId before sending anything',
		{
			resource: 'file',
			operation: 'get',
			parameters: { fileId: 'quote.pdf' },
		},
		'Invalid "File ID": "quote.pdf" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Group → Create › refuses sharing with teams without teams, before sending anything',
		{
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients', sharing: 'Teams', teamIds: '={{ [] }}' },
		},
		'Invalid "Team Names or IDs": choose at least one team when Sharing is Teams',
	],
	[
		'Group → Create › refuses a team id that is not a LACRM id',
		{
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients', sharing: 'Teams', teamIds: '={{ ["sales"] }}' },
		},
		'Invalid "Team Names or IDs": "sales" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Group → Create › refuses a color LACRM does not have',
		{
			resource: 'group',
			operation: 'create',
			parameters: { name: 'VIP Clients', additionalFields: { color: '={{ "Brown" }}' } },
		},
		expect.stringMatching(/^Invalid "Color": "Brown" is not one of Blue, Cyan, Gray/),
	],
	[
		'Group → Update › refuses a color that is both set and cleared',
		{
			resource: 'group',
			operation: 'update',
			parameters: {
				groupId: byId(records.VIP),
				updateFields: { color: 'Red' },
				fieldsToClear: ['color'],
			},
		},
		'Invalid "Fields to Clear": "Color" is both set and cleared; choose one',
	],
	[
		'Group → Update › refuses teams with a sharing other than Teams',
		{
			resource: 'group',
			operation: 'update',
			parameters: {
				groupId: byId(records.VIP),
				updateFields: { sharing: 'Public', teamIds: [records.SALES] },
			},
		},
		'Invalid "Team Names or IDs": teams only apply when Sharing is Teams',
	],
	[
		'Group → Update › refuses an update with nothing to change',
		{
			resource: 'group',
			operation: 'update',
			parameters: { groupId: byId(records.VIP) },
		},
		'Invalid "Update Fields": nothing to change: set a field or a field to clear',
	],
	[
		'Group → Get › refuses a GroupId that arrives as a number',
		{
			resource: 'group',
			operation: 'get',
			parameters: { groupId: byId('={{ 12345 }}') },
		},
		'Invalid "Group": 12345 arrived as a number, which cannot hold a LACRM ID exactly',
	],
	[
		'Group Membership → Add › requires the group name in name mode and sends nothing without it',
		{
			resource: 'groupMembership',
			operation: 'add',
			parameters: {
				contactId: byId(records.JANE),
				groupBy: 'name',
				groupName: '={{ $json.group }}',
			},
			input: [{ group: '' }],
		},
		'Invalid "Group Name": it is required',
	],
	[
		'Group Membership → Add › refuses a malformed GroupId before sending anything',
		{
			resource: 'groupMembership',
			operation: 'add',
			parameters: {
				contactId: byId(records.JANE),
				groupBy: 'id',
				groupId: byId('={{ "VIP Clients" }}'),
			},
		},
		'Invalid "Group": "VIP Clients" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Note → Create (CreateNote) › refuses a contact id that is not a LACRM id, before any request',
		{
			resource: 'note',
			operation: 'create',
			input: [{ contact: 'jane@example.com' }],
			parameters: { contactId: byId('={{ $json.contact }}'), note: 'Hi' },
		},
		expect.stringMatching(/Invalid "Contact"/),
	],
	[
		'Note → Create (CreateNote) › refuses an empty note, before any request',
		{
			resource: 'note',
			operation: 'create',
			parameters: { contactId: byId(records.CONTACT), note: '   ' },
		},
		'Invalid "Note": it is required',
	],
	[
		'Note → Create (CreateNote) › refuses a history date that is not a date, before any request',
		{
			resource: 'note',
			operation: 'create',
			parameters: {
				contactId: byId(records.CONTACT),
				note: 'Hi',
				additionalFields: { dateDisplayedInHistory: 'last Tuesday' },
			},
		},
		expect.stringMatching(/Invalid "Date Shown in History"/),
	],
	[
		'Note → Update (EditNote) › refuses an update with nothing to change, before any request',
		{
			resource: 'note',
			operation: 'update',
			parameters: { noteId: records.NOTE, updateFields: {} },
		},
		expect.stringMatching(/^Invalid "Update Fields": nothing to change/),
	],
	[
		'Note → Update (EditNote) › refuses a missing note id, before any request',
		{
			resource: 'note',
			operation: 'update',
			input: [{ id: '' }],
			parameters: { noteId: '={{ $json.id }}', updateFields: { note: 'x' } },
		},
		'Invalid "Note ID": it is required',
	],
	[
		'Note → Get Many for Contact (GetNotesAttachedToContact) › refuses a missing contact, before any request',
		{
			resource: 'note',
			operation: 'getAllForContact',
			input: [{ name: 'Jane' }],
			parameters: { contactId: byId('={{ $json.id }}') },
		},
		'Invalid "Contact": it is required',
	],
	[
		'Pipeline → Create › refuses an empty icon before sending anything',
		{
			resource: 'pipeline',
			operation: 'create',
			parameters: { name: 'Leads', icon: '={{ " " }}' },
		},
		'Invalid "Icon": it is required',
	],
	[
		'Pipeline → Create › refuses team sharing without teams',
		{
			resource: 'pipeline',
			operation: 'create',
			parameters: { name: 'Leads', icon: 'cart', permissions: 'TeamSharing', teamIds: '={{ "" }}' },
		},
		'Invalid "Team Names or IDs": choose at least one team when Permissions is Team Sharing',
	],
	[
		'Pipeline → Update › refuses an update with nothing to change',
		{
			resource: 'pipeline',
			operation: 'update',
			parameters: { pipelineId: byId(records.LEADS), updateFields: {} },
		},
		'Invalid "Update Fields": nothing to change: set at least one field',
	],
	[
		"Pipeline Item → Create › enforces the pipeline's required custom fields before sending anything",
		{
			resource: 'pipelineItem',
			operation: 'create',
			parameters: {
				contactId: byId(records.JANE),
				pipelineId: byId(records.ITEM_PIPELINE),
				statusId: byId(records.NEW),
				customFields: mapper({ Hunter: '={{ $json.hunter }}', 'Deal Size': 10 }, [
					{ id: 'Hunter', type: 'string', required: true },
					{ id: 'Deal Size', type: 'number' },
				]),
			},
			input: [{ hunter: '' }],
		},
		'Invalid "Custom Fields → Hunter": this pipeline requires it',
	],
	[
		'Pipeline Item → Create › refuses a status that is not an id before sending anything',
		{
			resource: 'pipelineItem',
			operation: 'create',
			parameters: {
				contactId: byId(records.JANE),
				pipelineId: byId(records.ITEM_PIPELINE),
				statusId: byId('={{ "New" }}'),
			},
		},
		'Invalid "Status": "New" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Pipeline Item → Update › refuses a custom field that is both set and cleared',
		{
			resource: 'pipelineItem',
			operation: 'update',
			parameters: {
				pipelineItemId: byId(records.ITEM),
				customFields: mapper({ 'Deal Size': 1 }, [{ id: 'Deal Size', type: 'number' }]),
				customFieldsToClear: 'Deal Size',
			},
		},
		'Invalid "Custom Fields to Clear": "Deal Size" is both set and cleared; choose one',
	],
	[
		'Pipeline Item → Update › refuses an update that changes nothing',
		{
			resource: 'pipelineItem',
			operation: 'update',
			parameters: {
				pipelineItemId: byId(records.ITEM),
				updateFields: { runStatusAutomation: true },
			},
		},
		'Invalid "Update Fields": nothing to change: set a new status, a note, a custom field, or a custom field to clear',
	],
	[
		'Pipeline Item → Delete › refuses a malformed id before sending anything',
		{
			resource: 'pipelineItem',
			operation: 'delete',
			parameters: { pipelineItemId: byId('={{ "501-a" }}') },
		},
		'Invalid "Pipeline Item": "501-a" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Pipeline Item → Delete Many › requires at least one id',
		{
			resource: 'pipelineItem',
			operation: 'deleteMany',
			parameters: { pipelineId: byId(records.ITEM_PIPELINE), pipelineItemIds: '={{ [] }}' },
		},
		'Invalid "Pipeline Item IDs": give at least one ID',
	],
	[
		'Pipeline Item → Get Many › refuses an advanced filter value that is broken JSON',
		{
			resource: 'pipelineItem',
			operation: 'getAll',
			parameters: {
				pipelineId: byId(records.ITEM_PIPELINE),
				filters: {
					advancedFilters: {
						entries: [{ name: 'Source', filterOperation: 'IsAnyOf', value: '["Web",' }],
					},
				},
			},
		},
		expect.stringMatching(/^Invalid "Advanced Filters value": not valid JSON/),
	],
	[
		'Pipeline Status → Create › refuses a missing pipeline',
		{
			resource: 'pipelineStatus',
			operation: 'create',
			parameters: { pipelineId: byId('={{ $json.pipeline }}'), name: 'Won' },
			input: [{ pipeline: '' }],
		},
		'Invalid "Pipeline": it is required',
	],
	[
		'Pipeline Status → Update › refuses an update without the name LACRM requires',
		{
			resource: 'pipelineStatus',
			operation: 'update',
			parameters: {
				statusId: byId(records.PROPOSAL),
				name: '={{ $json.name }}',
				updateFields: { color: '#b22222' },
			},
			input: [{}],
		},
		'Invalid "Name": it is required',
	],
	[
		'Relationship → Create › refuses a malformed ContactId (from an expression) before sending anything',
		{
			resource: 'relationship',
			operation: 'create',
			parameters: { contactId: byId(records.JANE), relatedContactId: byId('={{ $json.company }}') },
			input: [{ company: 'acme' }],
		},
		'Invalid "Related Contact": "acme" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Relationship → Create › refuses to relate a record to itself',
		{
			resource: 'relationship',
			operation: 'create',
			parameters: { contactId: byId(records.JANE), relatedContactId: byId(records.JANE) },
		},
		expect.stringMatching(/^Invalid "Related Contact": it is the same record as Contact/),
	],
	[
		'Relationship → Update › requires the note (LACRM does) and sends nothing without it',
		{
			resource: 'relationship',
			operation: 'update',
			parameters: { relationshipId: records.RELATIONSHIP, note: '  ' },
		},
		'Invalid "Note": it is required',
	],
	[
		'Relationship → Delete › refuses an id that arrives as a number (it would lose digits)',
		{
			resource: 'relationship',
			operation: 'delete',
			parameters: { relationshipId: 12345 },
		},
		'Invalid "Relationship ID": 12345 arrived as a number, which cannot hold a LACRM ID exactly',
	],
	[
		'Task → Create (CreateTask) › refuses a due date that does not exist, before any request',
		{
			resource: 'task',
			operation: 'create',
			parameters: { name: 'Call back', additionalFields: { dueDate: '2025-02-30' } },
		},
		expect.stringMatching(/^Invalid "Due Date": "2025-02-30" is not a date/),
	],
	[
		'Task → Create (CreateTask) › refuses a missing name, before any request',
		{
			resource: 'task',
			operation: 'create',
			input: [{}],
			parameters: { name: '={{ $json.title }}' },
		},
		'Invalid "Name": it is required',
	],
	[
		'Task → Update (EditTask) › refuses a field that is both set and cleared, before any request',
		{
			resource: 'task',
			operation: 'update',
			parameters: {
				taskId: records.TASK,
				updateFields: { description: 'x' },
				fieldsToClear: ['description'],
			},
		},
		expect.stringMatching(/^Invalid "Fields to Clear": "Description" is both set and cleared/),
	],
	[
		'Task → Update (EditTask) › refuses an update with nothing to change, before any request',
		{
			resource: 'task',
			operation: 'update',
			parameters: { taskId: records.TASK, updateFields: {} },
		},
		expect.stringMatching(/^Invalid "Update Fields": nothing to change/),
	],
	[
		'Task → Update (EditTask) › refuses a task id that lost its digits to a number, before any request',
		{
			resource: 'task',
			operation: 'update',
			input: [{ id: 4006273942886858 }],
			parameters: { taskId: '={{ $json.id }}', updateFields: { isComplete: true } },
		},
		expect.stringMatching(/^Invalid "Task ID": .* arrived as a number/),
	],
	[
		'Team → Create › refuses a name that an expression left empty, before sending anything',
		{
			resource: 'team',
			operation: 'create',
			parameters: { name: '={{ $json.team }}' },
			input: [{ team: '' }],
		},
		'Invalid "Name": it is required',
	],
	[
		'Team → Create › refuses a member id that is not a LACRM id',
		{
			resource: 'team',
			operation: 'create',
			parameters: { name: 'Sales', additionalFields: { userIdList: ['jane'] } },
		},
		'Invalid "Member Names or IDs": "jane" is not a LACRM user ID (digits only)',
	],
	[
		'Team → Update › refuses Remove All Members together with a member list',
		{
			resource: 'team',
			operation: 'update',
			parameters: {
				teamId: byId(records.SALES),
				updateFields: { removeAllMembers: true, userIdList: ['1001'] },
			},
		},
		'Invalid "Remove All Members": it cannot be combined with a member list; choose one',
	],
	[
		'Team → Update › refuses an update with nothing to change',
		{
			resource: 'team',
			operation: 'update',
			parameters: { teamId: byId(records.SALES), updateFields: { removeAllMembers: false } },
		},
		'Invalid "Update Fields": nothing to change: set a name, members, or Remove All Members',
	],
	[
		'Team → Get › refuses a malformed TeamId from an expression before sending anything',
		{
			resource: 'team',
			operation: 'get',
			parameters: { teamId: byId('={{ $json.team }}') },
			input: [{ team: 'sales' }],
		},
		'Invalid "Team": "sales" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
	],
	[
		'Webhook → Create › refuses an endpoint that is not an http(s) URL, before sending anything',
		{
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: 'ftp://example.com/hook', events: ['Contact.Create'] },
		},
		'Invalid "Endpoint URL": "ftp://example.com/hook" is not an http(s) URL',
	],
	[
		'Webhook → Create › refuses text that is not a URL',
		{
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: 'example.com/hook', events: ['Contact.Create'] },
		},
		'Invalid "Endpoint URL": "example.com/hook" is not a URL',
	],
	[
		'Webhook → Create › refuses an event LACRM does not know',
		{
			resource: 'webhook',
			operation: 'create',
			parameters: {
				endpointUrl: records.WEBHOOK_URL,
				events: '={{ ["Contact.Create", "Contact.Edit"] }}',
			},
		},
		expect.stringMatching(/^Invalid "Events": "Contact.Edit" is not one of Contact.Create, /),
	],
	[
		'Webhook → Create › refuses no events',
		{
			resource: 'webhook',
			operation: 'create',
			parameters: { endpointUrl: records.WEBHOOK_URL, events: '={{ [] }}' },
		},
		'Invalid "Events": choose at least one event',
	],
];

it.each(refusals)('%s', async (_test, options, message) => {
	const error = await runExpectingRefusal(options);
	expect(error.message).toEqual(message);
	expect(error.name).toBe('NodeOperationError');
});
