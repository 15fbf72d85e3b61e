/**
 * Compile-time checks, run by `tsc -p tsconfig.dev.json` in `npm run lint` (jest never runs this
 * file, and ts-jest does not type-check): operations and client calls are typed by the LACRM
 * function they call. Each `@ts-expect-error` line differs from the control case above it by
 * exactly one misspelt name; should the misspelling ever compile, tsc reports the unused directive.
 */
import { date, dateTime, text, typedTextList, uid } from '../../nodes/Lacrm/helpers/fieldBuilders';
import { defineOperation } from '../../nodes/Lacrm/helpers/operation';
import type { LacrmClient } from '../../nodes/Lacrm/transport/client';

const about = { operation: 'x', name: 'X', action: 'X', description: 'X' };

// CreateTask: a field may only fill a parameter CreateTask takes.
const taskName = text({ key: 'Name' });
const dueDate = date({ key: 'DueDate' });
const dueDte = date({ key: 'DueDte' });
export const createTask = defineOperation({
	...about,
	fn: 'CreateTask',
	fields: [taskName, dueDate],
});
export const createTaskTypo = defineOperation({
	...about,
	fn: 'CreateTask',
	// @ts-expect-error DueDte is not a CreateTask parameter
	fields: [taskName, dueDte],
});

// EditContact takes custom fields (keyed by display name), yet its standard parameters are checked.
const contactId = uid({ key: 'ContactId' });
const email = typedTextList({ key: 'Email', typeHint: 'Work', placeholder: '' });
const emial = typedTextList({ key: 'Emial', typeHint: 'Work', placeholder: '' });
export const editContact = defineOperation({
	...about,
	fn: 'EditContact',
	fields: [contactId, email],
});
export const editContactTypo = defineOperation({
	...about,
	fn: 'EditContact',
	// @ts-expect-error Emial is not an EditContact parameter
	fields: [contactId, emial],
});

// CreatePipelineItem (custom fields too): fixed parameters are checked.
export const createItem = defineOperation({
	...about,
	fn: 'CreatePipelineItem',
	fixed: { RunStatusAutomation: true },
});
export const createItemTypo = defineOperation({
	...about,
	fn: 'CreatePipelineItem',
	// @ts-expect-error RunStatusAutomaton is not a CreatePipelineItem parameter
	fixed: { RunStatusAutomaton: true },
});

// CreateEvent: the output reads only what CreateEvent returns.
const eventName = text({ key: 'Name' });
const start = dateTime({ key: 'StartDate' });
const end = dateTime({ key: 'EndDate' });
export const createEvent = defineOperation({
	...about,
	fn: 'CreateEvent',
	fields: [eventName, start, end],
	output: (result) => ({ EventId: result.EventId }),
});
export const createEventTypo = defineOperation({
	...about,
	fn: 'CreateEvent',
	fields: [eventName, start, end],
	// @ts-expect-error EventID is not in CreateEvent's result
	output: (result) => ({ EventId: result.EventID }),
});

// GetFile: what `prepare` reads besides LACRM parameters reaches `run` typed (prepared.own).
const fileId = uid({ key: 'FileId' });
export const getFile = defineOperation({
	...about,
	fn: 'GetFile',
	fields: [fileId],
	prepare: () => ({ binaryPropertyName: 'data' }),
	async run(prepared) {
		return { field: prepared.own.binaryPropertyName };
	},
});
export const getFileTypo = defineOperation({
	...about,
	fn: 'GetFile',
	fields: [fileId],
	prepare: () => ({ binaryPropertyName: 'data' }),
	async run(prepared) {
		// @ts-expect-error binaryPropertyNam is not what prepare returned
		return { field: prepared.own.binaryPropertyNam };
	},
});

// The client: GetTasks and EditContact calls, parameters and results.
export async function clientCalls(client: LacrmClient) {
	const window = { StartDate: '2026-01-01', EndDate: '2026-01-31' };
	await client.callAll('GetTasks', { ...window, CompletionStatus: 'Incomplete' });
	// @ts-expect-error CompletionStatsu is not a GetTasks parameter
	await client.callAll('GetTasks', { ...window, CompletionStatsu: 'Incomplete' });

	await client.call('EditContact', { ContactId: '1', 'Job Title': 'CEO' });
	// @ts-expect-error Job Titel is not an EditContact parameter
	await client.call('EditContact', { ContactId: '1', 'Job Titel': 'CEO' });

	const created = await client.call('CreateTask', { Name: 'Call back' });
	const taskId: string = created.TaskId;
	// @ts-expect-error TaskID is not in CreateTask's result
	const misread: string = created.TaskID;
	return [taskId, misread];
}
