import { httpRequest } from '../core/http';
import { startSandbox, type Sandbox } from '../index';
import { FUNCTION_SPECS, type ParamSpec } from '../spec';
import {
	ERROR_CODE_RE,
	UID_RE,
	expectLacrmError,
	multipartBody,
	startHookReceiver,
	type HookReceiver,
	type Body,
	callOk,
	eventParams,
} from './helpers';

/**
 * Every one of the 79 functions over HTTP: one success path each (table-driven), a validation
 * error for each function with required parameters, and an invalid value for every enum parameter.
 */

let sandbox: Sandbox;
let receiver: HookReceiver;

interface Fixture {
	admin: string;
	otherUser: string;
	contactId: string;
	contact2Id: string;
	companyId: string;
	salesPipelineId: string;
	salesStatusNew: string;
	salesStatusWon: string;
	groupId: string;
	groupName: string;
	calendarId: string;
	teamId: string;
	fileId: string;
}

let fx: Fixture;

const ok = (fn: string, params: object = {}) => callOk(sandbox, fn, params);

async function newContact(name = 'Table Person'): Promise<string> {
	return (await ok('CreateContact', { IsCompany: false, AssignedTo: fx.admin, Name: name }))
		.ContactId;
}

async function upload(contactId: string, text: string, filename = 'hello.txt'): Promise<Body> {
	const { body, contentType } = multipartBody(
		{ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) },
		{ name: 'File', filename, contentType: 'text/plain', data: Buffer.from(text) },
	);
	const res = await httpRequest(sandbox.apiUrl, {
		method: 'POST',
		headers: { Authorization: sandbox.apiKey, 'Content-Type': contentType },
		body,
	});
	return { status: res.status, body: JSON.parse(res.body.toString('utf8')) };
}

beforeAll(async () => {
	sandbox = await startSandbox();
	receiver = await startHookReceiver();
	const users = await ok('GetUsers');
	const contacts = await ok('GetContacts', { RecordTypeFilter: 'Contacts', MaxNumberOfResults: 2 });
	const companies = await ok('GetContacts', {
		RecordTypeFilter: 'Companies',
		MaxNumberOfResults: 1,
	});
	const pipelines = await ok('GetPipelines');
	const sales = pipelines.find((p: Body) => p.Name === 'Sales Leads');
	const groups = await ok('GetGroups');
	const calendars = await ok('GetCalendars');
	const teams = await ok('GetTeams');
	fx = {
		admin: (await ok('GetUser')).UserId,
		otherUser: users[1].UserId,
		contactId: contacts.Results[0].ContactId,
		contact2Id: contacts.Results[1].ContactId,
		companyId: companies.Results[0].ContactId,
		salesPipelineId: sales.PipelineId,
		salesStatusNew: sales.Statuses.find((s: Body) => s.Name === 'New').StatusId,
		salesStatusWon: sales.Statuses.find((s: Body) => s.Name === 'Won').StatusId,
		groupId: groups.Results[0].GroupId,
		groupName: groups.Results[0].Name,
		calendarId: calendars[0].CalendarId,
		teamId: teams[0].TeamId,
		fileId: '',
	};
	fx.fileId = (await upload(fx.contactId, 'fixture file')).body.FileId;
});

afterAll(async () => {
	await sandbox.stop();
	await receiver.close();
});

interface Case {
	fn: string;
	/** Parameters; may create what the call needs first. */
	params: () => Promise<object> | object;
	check: (body: Body, params: Body) => void | Promise<void>;
	/** Calls that are not plain JSON (CreateFile). */
	run?: (params: Body) => Promise<{ status: number; body: Body }>;
}

const isUid = (v: unknown): void => {
	expect(typeof v).toBe('string');
	expect(v).toMatch(UID_RE);
};
const isPage = (body: Body): void => {
	expect(typeof body.HasMoreResults).toBe('boolean');
	expect(Array.isArray(body.Results)).toBe(true);
};
const isEmptyObject = (body: Body): void => expect(body).toEqual({});

const cases: Case[] = [
	// Contacts
	{
		fn: 'CreateContact',
		params: () => ({
			IsCompany: false,
			AssignedTo: fx.admin,
			Name: 'Ada Lovelace',
			Email: 'ada@example.com',
		}),
		check: (b) => isUid(b.ContactId),
	},
	{
		fn: 'EditContact',
		params: async () => ({ ContactId: await newContact(), 'Job Title': 'Analyst' }),
		check: async (b, p) => {
			isEmptyObject(b);
			expect((await ok('GetContact', { ContactId: p.ContactId }))['Job Title']).toBe('Analyst');
		},
	},
	{
		fn: 'DeleteContact',
		params: async () => ({ ContactId: await newContact() }),
		check: async (b, p) => {
			isEmptyObject(b);
			expectLacrmError(await sandbox.call('GetContact', { ContactId: p.ContactId }), 400);
		},
	},
	{
		fn: 'GetContact',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => expect(b.ContactId).toBe(fx.contactId),
	},
	{
		fn: 'GetContactsById',
		params: () => ({ ContactIds: [fx.contactId, fx.contact2Id] }),
		check: (b) => {
			isPage(b);
			expect(b.Results.map((c: Body) => c.ContactId)).toEqual([fx.contactId, fx.contact2Id]);
		},
	},
	{
		fn: 'GetContacts',
		params: () => ({}),
		check: (b) => {
			isPage(b);
			expect(b.Results.length).toBeGreaterThan(20);
		},
	},
	// Notes
	{
		fn: 'CreateNote',
		params: () => ({ ContactId: fx.contactId, Note: 'Hello\nworld' }),
		check: (b) => isUid(b.NoteId),
	},
	{
		fn: 'EditNote',
		params: async () => ({
			NoteId: (await ok('CreateNote', { ContactId: fx.contactId, Note: 'a' })).NoteId,
			Note: 'b',
		}),
		check: async (b, p) => {
			isEmptyObject(b);
			expect((await ok('GetNote', { NoteId: p.NoteId })).Note).toBe('b');
		},
	},
	{
		fn: 'DeleteNote',
		params: async () => ({
			NoteId: (await ok('CreateNote', { ContactId: fx.contactId, Note: 'x' })).NoteId,
		}),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetNote', { NoteId: p.NoteId }), 400),
	},
	{
		fn: 'GetNote',
		params: async () => ({
			NoteId: (await ok('CreateNote', { ContactId: fx.contactId, Note: 'read me' })).NoteId,
		}),
		check: (b) => {
			expect(b.Note).toBe('read me');
			expect(b.ContactId).toBe(fx.contactId);
			expect(b.ContactMetaData.Name).toEqual(expect.any(String));
		},
	},
	{
		fn: 'GetNotes',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => {
			isPage(b);
			expect(b.Results.every((n: Body) => n.ContactId === fx.contactId)).toBe(true);
		},
	},
	{
		fn: 'GetNotesAttachedToContact',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => {
			isPage(b);
			expect(b.Results.length).toBeGreaterThan(0);
		},
	},
	// Tasks
	{
		fn: 'CreateTask',
		params: () => ({ Name: 'Call back', DueDate: '2030-01-15', ContactId: fx.contactId }),
		check: (b) => isUid(b.TaskId),
	},
	{
		fn: 'EditTask',
		params: async () => ({
			TaskId: (await ok('CreateTask', { Name: 't' })).TaskId,
			IsComplete: true,
		}),
		check: async (_b, p) => {
			const t = await ok('GetTask', { TaskId: p.TaskId });
			expect(t.IsCompleted).toBe(true);
			expect(t.DateCompleted).toEqual(expect.any(String));
		},
	},
	{
		fn: 'DeleteTask',
		params: async () => ({ TaskId: (await ok('CreateTask', { Name: 't' })).TaskId }),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetTask', { TaskId: p.TaskId }), 400),
	},
	{
		fn: 'GetTask',
		params: async () => ({
			TaskId: (await ok('CreateTask', { Name: 'get me', DueDate: '2030-02-01' })).TaskId,
		}),
		check: (b) => {
			expect(b.Name).toBe('get me');
			expect(b.DueDate).toBe('2030-02-01');
			expect(b.AssignedTo).toBe(fx.admin);
		},
	},
	{
		fn: 'GetTasks',
		params: async () => {
			await ok('CreateTask', { Name: 'in window', DueDate: '2031-03-03' });
			return { StartDate: '2031-03-01', EndDate: '2031-03-31' };
		},
		check: (b) => {
			// Results keyed by TaskId, as PostHog's and Airbyte's LACRM sources read it.
			expect(typeof b.HasMoreResults).toBe('boolean');
			expect(Object.values(b.Results).map((t) => (t as Body).Name)).toEqual(['in window']);
			expect(Object.keys(b.Results)).toEqual(
				Object.values(b.Results).map((t) => (t as Body).TaskId),
			);
		},
	},
	{ fn: 'GetTasksAttachedToContact', params: () => ({ ContactId: fx.contactId }), check: isPage },
	// Events
	{
		fn: 'CreateEvent',
		params: () => ({
			Name: 'Demo',
			StartDate: '2030-05-01T10:00:00-04:00',
			EndDate: '2030-05-01T11:00:00-04:00',
		}),
		check: (b) => isUid(b.EventId),
	},
	{
		fn: 'EditEvent',
		params: async () => ({
			EventId: (
				await ok('CreateEvent', eventParams('e', '2030-05-01T10:00:00Z', '2030-05-01T11:00:00Z'))
			).EventId,
			Location: 'Room 4',
		}),
		check: async (_b, p) =>
			expect((await ok('GetEvent', { EventId: p.EventId })).Location).toBe('Room 4'),
	},
	{
		fn: 'DeleteEvent',
		params: async () => ({
			EventId: (
				await ok('CreateEvent', eventParams('e', '2030-05-01T10:00:00Z', '2030-05-01T11:00:00Z'))
			).EventId,
		}),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetEvent', { EventId: p.EventId }), 400),
	},
	{
		fn: 'GetEvent',
		params: async () => ({
			EventId: (
				await ok(
					'CreateEvent',
					eventParams('with attendee', '2030-06-01T14:00:00-05:00', '2030-06-01T15:00:00-05:00', {
						Attendees: [{ IsUser: false, AttendeeId: fx.contactId, AttendanceStatus: 'Maybe' }],
					}),
				)
			).EventId,
		}),
		check: (b) => {
			expect(b.StartDate).toBe('2030-06-01T14:00:00-05:00');
			expect(b.ContactIds).toEqual([fx.contactId]);
			expect(b.UserIds).toEqual([fx.admin]);
		},
	},
	{
		fn: 'GetEvents',
		params: () => ({ StartDate: '2030-06-01', EndDate: '2030-06-01' }),
		check: (b) => {
			isPage(b);
			expect(b.Results.map((e: Body) => e.Name)).toContain('with attendee');
		},
	},
	{
		fn: 'GetEventsAttachedToContact',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => {
			isPage(b);
			expect(b.Results.length).toBeGreaterThan(0);
		},
	},
	// Emails
	{
		fn: 'CreateEmail',
		params: () => ({
			ContactIds: [fx.contactId],
			From: { Address: 'a@x.example', Name: 'A' },
			To: [{ Address: 'b@x.example' }],
			Subject: 'Hi',
			Body: 'Hello',
			Date: '2030-01-01T09:00:00Z',
		}),
		check: (b) => isUid(b.EmailId),
	},
	{
		fn: 'GetEmail',
		params: async () => ({
			EmailId: (
				await ok('CreateEmail', {
					ContactIds: [fx.contactId],
					From: { Address: 'a@x.example' },
					To: [{ Address: 'b@x.example' }],
					Body: 'B',
					Date: '2030-01-02T09:00:00Z',
				})
			).EmailId,
		}),
		check: (b) => {
			expect(b.Body).toBe('B');
			expect(b.From).toEqual({ Address: 'a@x.example', Name: '' });
		},
	},
	{
		fn: 'GetEmails',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => {
			isPage(b);
			expect(b.Results.length).toBeGreaterThan(0);
		},
	},
	{ fn: 'GetEmailsAttachedToContact', params: () => ({ ContactId: fx.contactId }), check: isPage },
	{
		fn: 'DeleteEmail',
		params: async () => ({
			EmailId: (
				await ok('CreateEmail', {
					ContactIds: [fx.contactId],
					From: { Address: 'a@x.example' },
					To: [{ Address: 'b@x.example' }],
					Body: 'B',
					Date: '2030-01-02T09:00:00Z',
				})
			).EmailId,
		}),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetEmail', { EmailId: p.EmailId }), 400),
	},
	// Files
	{
		fn: 'GetFile',
		params: () => ({ FileId: fx.fileId }),
		check: (b) => {
			expect(b.FileName).toBe('hello.txt');
			expect(b.FileType).toBe('text/plain');
			expect(b.FileUrl).toMatch(/\/files\//);
		},
	},
	{
		fn: 'GetFilesAttachedToContact',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => {
			expect(Array.isArray(b)).toBe(true);
			expect(b.map((f: Body) => f.FileId)).toContain(fx.fileId);
		},
	},
	{
		fn: 'CreateFile',
		params: () => ({ ContactId: fx.contact2Id }),
		run: (p) => upload(p.ContactId, 'abc', 'new.txt'),
		check: (b) => isUid(b.FileId),
	},
	// Group memberships
	{
		fn: 'CreateGroupMembership',
		params: async () => ({ ContactId: await newContact(), GroupId: fx.groupId }),
		check: async (_b, p) => {
			const groups = await ok('GetGroupsAttachedToContact', { ContactId: p.ContactId });
			expect(groups.Results.map((g: Body) => g.GroupId)).toEqual([fx.groupId]);
		},
	},
	{
		fn: 'DeleteGroupMembership',
		params: async () => {
			const ContactId = await newContact();
			await ok('CreateGroupMembership', { ContactId, GroupName: fx.groupName });
			return { ContactId, GroupName: fx.groupName };
		},
		check: async (_b, p) =>
			expect((await ok('GetGroupsAttachedToContact', { ContactId: p.ContactId })).Results).toEqual(
				[],
			),
	},
	{ fn: 'GetGroupsAttachedToContact', params: () => ({ ContactId: fx.contactId }), check: isPage },
	{
		fn: 'GetContactsInGroup',
		params: () => ({ GroupId: fx.groupId }),
		check: (b) => {
			isPage(b);
			expect(b.Results[0].GroupId).toBe(fx.groupId);
			expect(b.Results[0].ContactMetaData.Name).toEqual(expect.any(String));
		},
	},
	// Pipeline items
	{
		fn: 'CreatePipelineItem',
		params: () => ({
			ContactId: fx.contactId,
			PipelineId: fx.salesPipelineId,
			StatusId: fx.salesStatusNew,
			Hunter: 'Matt',
			'Deal Value': 1200,
			Note: 'First touch',
		}),
		check: (b) => isUid(b.PipelineItemId),
	},
	{
		fn: 'EditPipelineItem',
		params: async () => ({
			PipelineItemId: (
				await ok('CreatePipelineItem', {
					ContactId: fx.contactId,
					PipelineId: fx.salesPipelineId,
					StatusId: fx.salesStatusNew,
					Hunter: 'M',
				})
			).PipelineItemId,
			StatusId: fx.salesStatusWon,
			Note: 'Closed it',
		}),
		check: async (_b, p) => {
			const item = await ok('GetPipelineItem', { PipelineItemId: p.PipelineItemId });
			expect(item.StatusId).toBe(fx.salesStatusWon);
			expect(item.LastNote).toBe('Closed it');
			expect(item.NumberOfUpdates).toBe(1);
		},
	},
	{
		fn: 'DeletePipelineItem',
		params: async () => ({
			PipelineItemId: (
				await ok('CreatePipelineItem', {
					ContactId: fx.contactId,
					PipelineId: fx.salesPipelineId,
					StatusId: fx.salesStatusNew,
					Hunter: 'M',
				})
			).PipelineItemId,
		}),
		check: async (_b, p) =>
			expectLacrmError(
				await sandbox.call('GetPipelineItem', { PipelineItemId: p.PipelineItemId }),
				400,
			),
	},
	{
		fn: 'DeletePipelineItems',
		params: async () => {
			const a = await ok('CreatePipelineItem', {
				ContactId: fx.contactId,
				PipelineId: fx.salesPipelineId,
				StatusId: fx.salesStatusNew,
				Hunter: 'M',
			});
			return {
				PipelineId: fx.salesPipelineId,
				PipelineItemIds: [a.PipelineItemId, '4'.repeat(31)],
			};
		},
		check: (b) => expect(b).toEqual({ NumberProcessed: 1, NumberSkipped: 1 }),
	},
	{
		fn: 'GetPipelineItem',
		params: async () => ({
			PipelineItemId: (
				await ok('CreatePipelineItem', {
					ContactId: fx.contactId,
					PipelineId: fx.salesPipelineId,
					StatusId: fx.salesStatusNew,
					Hunter: 'Zed',
					Priority: 'High',
				})
			).PipelineItemId,
		}),
		check: (b) => {
			expect(b.Hunter).toBe('Zed');
			expect(b.Priority).toBe('High');
			expect(b.StatusMetaData).toEqual({ Name: 'New' });
			expect(b.PipelineMetaData).toEqual({ Name: 'Sales Leads' });
		},
	},
	{
		fn: 'GetPipelineItems',
		params: () => ({ PipelineId: fx.salesPipelineId }),
		check: (b) => {
			isPage(b);
			expect(b.Results.length).toBeGreaterThan(0);
		},
	},
	{
		fn: 'GetPipelineItemsAttachedToContact',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => {
			expect(Array.isArray(b)).toBe(true);
			expect(b[0].PipelineId).toEqual(expect.any(String));
			expect(Array.isArray(b[0].PipelineItems)).toBe(true);
		},
	},
	// Relationships
	{
		fn: 'CreateRelationship',
		params: () => ({ ContactId1: fx.contactId, ContactId2: fx.companyId, Note: 'Works with' }),
		check: (b) => isUid(b.RelationshipId),
	},
	{
		fn: 'EditRelationship',
		params: async () => ({
			RelationshipId: (
				await ok('CreateRelationship', { ContactId1: fx.contactId, ContactId2: fx.contact2Id })
			).RelationshipId,
			Note: 'Siblings',
		}),
		check: async (_b, p) =>
			expect((await ok('GetRelationship', { RelationshipId: p.RelationshipId })).Note).toBe(
				'Siblings',
			),
	},
	{
		fn: 'DeleteRelationship',
		params: async () => ({
			RelationshipId: (
				await ok('CreateRelationship', { ContactId1: fx.contactId, ContactId2: fx.contact2Id })
			).RelationshipId,
		}),
		check: async (_b, p) =>
			expectLacrmError(
				await sandbox.call('GetRelationship', { RelationshipId: p.RelationshipId }),
				400,
			),
	},
	{
		fn: 'GetRelationship',
		params: async () => ({
			RelationshipId: (
				await ok('CreateRelationship', {
					ContactId1: fx.contactId,
					ContactId2: fx.contact2Id,
					Note: 'n',
				})
			).RelationshipId,
		}),
		check: (b) => {
			expect(b.ContactId1).toBe(fx.contactId);
			expect(b.Contact2MetaData.Name).toEqual(expect.any(String));
		},
	},
	{
		fn: 'GetRelationshipsAttachedToContact',
		params: () => ({ ContactId: fx.contactId }),
		check: (b) => {
			isPage(b);
			expect(b.Results.length).toBeGreaterThan(0);
		},
	},
	// Calendars
	{
		fn: 'GetCalendars',
		params: () => ({}),
		check: (b) => {
			expect(Array.isArray(b)).toBe(true);
			expect(b.filter((c: Body) => c.IsPrimary).length).toBe(3);
		},
	},
	// Custom fields
	{
		fn: 'CreateCustomField',
		params: () => ({
			Name: 'Favorite Color',
			Type: 'Dropdown',
			RecordType: 'Contact',
			Options: ['Red', 'Blue'],
		}),
		check: (b) => isUid(b.CustomFieldId),
	},
	{
		fn: 'EditCustomField',
		params: async () => ({
			CustomFieldId: (await ok('CreateCustomField', { Name: 'Temp Field', Type: 'Text' }))
				.CustomFieldId,
			Name: 'Renamed Field',
		}),
		check: async (_b, p) =>
			expect((await ok('GetCustomField', { CustomFieldId: p.CustomFieldId })).Name).toBe(
				'Renamed Field',
			),
	},
	{
		fn: 'DeleteCustomField',
		params: async () => ({
			CustomFieldId: (await ok('CreateCustomField', { Name: 'Doomed Field', Type: 'Text' }))
				.CustomFieldId,
		}),
		check: async (_b, p) =>
			expectLacrmError(
				await sandbox.call('GetCustomField', { CustomFieldId: p.CustomFieldId }),
				400,
			),
	},
	{
		fn: 'GetCustomField',
		params: async () => ({
			CustomFieldId: (
				await ok('CreateCustomField', {
					Name: 'Size Field',
					Type: 'RadioList',
					Options: [{ Name: 'S' }, { Name: 'M' }],
				})
			).CustomFieldId,
		}),
		check: (b) => {
			expect(b.Type).toBe('RadioList');
			expect(b.Options.map((o: Body) => o.Name)).toEqual(['S', 'M']);
			isUid(b.Options[0].OptionId);
		},
	},
	{
		fn: 'GetCustomFields',
		params: () => ({ RecordType: 'Pipeline', PipelineId: fx.salesPipelineId }),
		check: (b) => {
			isPage(b);
			expect(b.Results.map((f: Body) => f.Name)).toContain('Hunter');
		},
	},
	// Groups
	{
		fn: 'CreateGroup',
		params: () => ({ Name: 'Table Group', Color: 'Teal' }),
		check: (b) => isUid(b.GroupId),
	},
	{
		fn: 'EditGroup',
		params: async () => ({
			GroupId: (await ok('CreateGroup', { Name: 'Edit Me Group' })).GroupId,
			Sharing: 'Public',
		}),
		check: async (_b, p) =>
			expect((await ok('GetGroup', { GroupId: p.GroupId })).Sharing).toBe('Public'),
	},
	{
		fn: 'DeleteGroup',
		params: async () => ({
			GroupId: (await ok('CreateGroup', { Name: 'Delete Me Group' })).GroupId,
		}),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetGroup', { GroupId: p.GroupId }), 400),
	},
	{
		fn: 'GetGroup',
		params: () => ({ GroupId: fx.groupId }),
		check: (b) => expect(b.Name).toBe(fx.groupName),
	},
	{
		fn: 'GetGroups',
		params: () => ({ ReturnNumberOfContacts: true }),
		check: (b) => {
			isPage(b);
			expect(typeof b.Results[0].NumberOfContacts).toBe('number');
		},
	},
	// Pipelines
	{
		fn: 'CreatePipeline',
		params: () => ({ Name: 'Hiring', Icon: 'star' }),
		check: (b) => isUid(b.PipelineId),
	},
	{
		fn: 'EditPipeline',
		params: async () => ({
			PipelineId: (await ok('CreatePipeline', { Name: 'P', Icon: 'gem' })).PipelineId,
			Name: 'P2',
		}),
		check: async (_b, p) =>
			expect((await ok('GetPipeline', { PipelineId: p.PipelineId })).Name).toBe('P2'),
	},
	{
		fn: 'DeletePipeline',
		params: async () => ({
			PipelineId: (await ok('CreatePipeline', { Name: 'Gone', Icon: 'gem' })).PipelineId,
		}),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetPipeline', { PipelineId: p.PipelineId }), 400),
	},
	{
		fn: 'GetPipeline',
		params: () => ({ PipelineId: fx.salesPipelineId }),
		check: (b) => {
			expect(b.Name).toBe('Sales Leads');
			expect(b.Statuses.map((s: Body) => [s.Name, s.IsActive])).toEqual([
				['New', true],
				['Contacted', true],
				['Proposal Sent', true],
				['Won', false],
				['Lost', false],
			]);
		},
	},
	{
		fn: 'GetPipelines',
		params: () => ({ IncludeArchivedPipelines: true }),
		check: (b) => {
			expect(Array.isArray(b)).toBe(true);
			expect(b.map((p: Body) => p.Name)).toContain('Old Deals');
		},
	},
	// Pipeline statuses
	{
		fn: 'CreatePipelineStatus',
		params: () => ({ PipelineId: fx.salesPipelineId, Name: 'Negotiating', IsActive: true }),
		check: (b) => isUid(b.StatusId),
	},
	{
		fn: 'EditPipelineStatus',
		params: async () => ({
			StatusId: (await ok('CreatePipelineStatus', { PipelineId: fx.salesPipelineId, Name: 'Temp' }))
				.StatusId,
			Name: 'Temp 2',
			Color: '#486581',
		}),
		check: async (_b, p) => {
			const statuses = await ok('GetPipelineStatuses', { PipelineId: fx.salesPipelineId });
			expect(statuses.find((s: Body) => s.StatusId === p.StatusId)).toMatchObject({
				Name: 'Temp 2',
				Color: '#486581',
			});
		},
	},
	{
		fn: 'DeletePipelineStatus',
		params: async () => ({
			StatusId: (
				await ok('CreatePipelineStatus', { PipelineId: fx.salesPipelineId, Name: 'Unused' })
			).StatusId,
		}),
		check: async (_b, p) => {
			const statuses = await ok('GetPipelineStatuses', { PipelineId: fx.salesPipelineId });
			expect(statuses.map((s: Body) => s.StatusId)).not.toContain(p.StatusId);
		},
	},
	{
		fn: 'GetPipelineStatuses',
		params: () => ({}),
		check: (b) => {
			expect(Array.isArray(b)).toBe(true);
			expect(b[0]).toEqual(
				expect.objectContaining({
					StatusId: expect.any(String),
					PipelineId: expect.any(String),
					IsActive: expect.any(Boolean),
				}),
			);
		},
	},
	// Teams
	{
		fn: 'CreateTeam',
		params: () => ({ Name: 'Ops', UserIdList: [fx.admin] }),
		check: (b) => isUid(b.TeamId),
	},
	{
		fn: 'EditTeam',
		params: async () => ({
			TeamId: (await ok('CreateTeam', { Name: 'T' })).TeamId,
			UserIdList: [fx.admin, fx.otherUser],
		}),
		check: async (_b, p) =>
			expect((await ok('GetTeam', { TeamId: p.TeamId })).UserIds).toEqual([fx.admin, fx.otherUser]),
	},
	{
		fn: 'DeleteTeam',
		params: async () => ({ TeamId: (await ok('CreateTeam', { Name: 'T' })).TeamId }),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetTeam', { TeamId: p.TeamId }), 400),
	},
	{
		fn: 'GetTeam',
		params: () => ({ TeamId: fx.teamId }),
		check: (b) => expect(b.Name).toBe('Sales'),
	},
	{
		fn: 'GetTeams',
		params: () => ({}),
		check: (b) =>
			expect(b.map((t: Body) => t.Name)).toEqual(expect.arrayContaining(['Sales', 'Support'])),
	},
	// Users
	{
		fn: 'GetUser',
		params: () => ({}),
		check: (b) =>
			expect(b).toEqual(
				expect.objectContaining({ UserId: fx.admin, FirstName: 'Jane', Email: expect.any(String) }),
			),
	},
	{
		fn: 'GetUsers',
		params: () => ({}),
		check: (b) => {
			expect(b).toHaveLength(3);
			expect(b[0].Email).toBeUndefined();
		},
	},
	// Webhooks
	{
		fn: 'CreateWebhook',
		params: () => ({
			EndpointUrl: receiver.url,
			WebhookScope: 'Account',
			Events: ['Contact.Create'],
		}),
		check: (b) => isUid(b.WebhookId),
	},
	{
		fn: 'GetWebhook',
		params: async () => ({
			WebhookId: (
				await ok('CreateWebhook', {
					EndpointUrl: receiver.url,
					WebhookScope: 'User',
					Events: ['Event.Create'],
				})
			).WebhookId,
		}),
		check: (b) => {
			expect(b.SubscribedEvents).toEqual(['Event.Create']);
			expect(b.DateArchived).toBeNull();
			expect(b.Secret).toBeUndefined();
		},
	},
	{
		fn: 'GetWebhooks',
		params: () => ({}),
		check: (b) => {
			expect(Array.isArray(b)).toBe(true);
			expect(b.length).toBeGreaterThan(0);
		},
	},
	{
		fn: 'DeleteWebhook',
		params: async () => ({
			WebhookId: (
				await ok('CreateWebhook', {
					EndpointUrl: receiver.url,
					WebhookScope: 'User',
					Events: ['Event.Create'],
				})
			).WebhookId,
		}),
		check: async (_b, p) =>
			expectLacrmError(await sandbox.call('GetWebhook', { WebhookId: p.WebhookId }), 400),
	},
];

describe('every function (success path over HTTP)', () => {
	it('the table covers all 79 functions of spec/functions.json', () => {
		expect(FUNCTION_SPECS).toHaveLength(79);
		expect(cases.map((c) => c.fn).sort()).toEqual(FUNCTION_SPECS.map((f) => f.function).sort());
	});

	it.each(cases.map((c) => [c.fn, c] as const))('%s', async (_fn, c) => {
		const params = (await c.params()) as Body;
		const res = c.run ? await c.run(params) : await sandbox.call(c.fn, params);
		if (res.status !== 200) throw new Error(`${c.fn} → ${res.status} ${JSON.stringify(res.body)}`);
		expect(res.body).not.toHaveProperty('ErrorCode');
		await c.check(res.body, params);
	});
});

const withRequired = FUNCTION_SPECS.filter((f) => f.parameters.some((p) => p.required));

describe('missing required parameters → 400 naming the parameter', () => {
	it.each(withRequired.map((f) => [f.function, f] as const))('%s', async (fn, spec) => {
		const res = await sandbox.call(fn, {});
		expectLacrmError(res, 400);
		const description = res.body.ErrorDescription as string;
		const required = spec.parameters.filter((p) => p.required).map((p) => p.name);
		// The handler-checked ones (CreateContact's Name, GetTasks' dates) are reported too.
		expect(
			required.concat(['Name', 'StartDate']).some((name) => description.includes(`'${name}'`)),
		).toBe(true);
	});

	it('functions whose spec has no required parameter still work with Parameters {}, [] or missing', async () => {
		for (const envelope of [
			{ Function: 'GetUser', Parameters: {} },
			{ Function: 'GetUser', Parameters: [] },
			{ Function: 'GetUser' },
		]) {
			const res = await httpRequest(sandbox.apiUrl, {
				method: 'POST',
				headers: { Authorization: sandbox.apiKey, 'Content-Type': 'application/json' },
				body: JSON.stringify(envelope),
			});
			expect(res.status).toBe(200);
			expect(JSON.parse(res.body.toString()).UserId).toBe(fx.admin);
		}
	});
});

/** A value of the right shape for a parameter, so validation reaches the parameter under test. */
function plausible(p: ParamSpec): unknown {
	const t = p.type;
	if (p.enum) return p.type.startsWith('Array') ? [p.enum[0]] : p.enum[0];
	if (t.includes('Uid') && t.startsWith('Array')) return ['4'.repeat(31)];
	if (t.includes('Uid')) return '4'.repeat(31);
	if (t === 'Bool') return true;
	if (t === 'Number') return 1;
	if (t === 'Date') return '2030-01-01';
	if (t === 'DateTime') return '2030-01-01T10:00:00Z';
	if (t.startsWith('Object')) return { Address: 'a@b.example' };
	if (t.startsWith('Array')) return [{ Address: 'a@b.example' }];
	return 'x';
}

const enumCases = FUNCTION_SPECS.flatMap((f) =>
	f.parameters.filter((p) => p.enum).map((p) => [f.function, p.name, f] as const),
);

describe('enum parameters reject values outside the documented list', () => {
	it.each(enumCases)('%s %s', async (fn, paramName, spec) => {
		const params: Record<string, unknown> = {};
		for (const p of spec.parameters) {
			if (p.name === paramName) break;
			if (p.required && !p.type.startsWith('depends') && !p.type.startsWith('File'))
				params[p.name] = plausible(p);
		}
		const target = spec.parameters.find((p) => p.name === paramName) as ParamSpec;
		params[paramName] = target.type.startsWith('Array') ? ['NotAValidValue'] : 'NotAValidValue';
		const res = await sandbox.call(fn, params);
		expectLacrmError(
			res,
			400,
			new RegExp(`'NotAValidValue' is not a valid value for '${paramName}'`),
		);
	});
});

describe('envelope', () => {
	it('an unknown Function is a 400 with an ErrorCode', async () => {
		const res = await sandbox.call('GetEverything', {});
		expectLacrmError(res, 400, /GetEverything/);
	});

	it('Function names are case-sensitive', async () => {
		expectLacrmError(await sandbox.call('getuser', {}), 400);
	});

	it('invalid JSON is a 400 with an ErrorCode', async () => {
		const res = await httpRequest(sandbox.apiUrl, {
			method: 'POST',
			headers: { Authorization: sandbox.apiKey },
			body: '{not json',
		});
		expect(res.status).toBe(400);
		expect(JSON.parse(res.body.toString()).ErrorCode).toMatch(ERROR_CODE_RE);
	});

	it('a Uid sent as a JSON number that lost precision is refused with a clear message', async () => {
		// Written as raw JSON: a JavaScript number literal this long would already be rounded here.
		const raw = await httpRequest(sandbox.apiUrl, {
			method: 'POST',
			headers: { Authorization: sandbox.apiKey, 'Content-Type': 'application/json' },
			body: '{"Function":"GetContact","Parameters":{"ContactId":4000000000012345678901234567890}}',
		});
		expectLacrmError(
			{ status: raw.status, body: JSON.parse(raw.body.toString()) },
			400,
			/must be sent as a string/,
		);
		expectLacrmError(await sandbox.call('GetContact', { ContactId: 12345 }), 400, /No contact/);
	});

	it('query-string parameters are merged (as the Airbyte connector sends them)', async () => {
		const res = await httpRequest(`${sandbox.apiUrl}?MaxNumberOfResults=1&Page=2`, {
			method: 'POST',
			headers: { Authorization: sandbox.apiKey, 'Content-Type': 'application/json' },
			body: JSON.stringify({ Function: 'GetContacts' }),
		});
		const body = JSON.parse(res.body.toString());
		expect(res.status).toBe(200);
		expect(body.Results).toHaveLength(1);
	});

	it('GET /v2/ is refused', async () => {
		const res = await httpRequest(sandbox.apiUrl);
		expect(res.status).toBe(405);
	});
});
