/** Task fields, described once for create, update and the lists. */
import { boolean, contactRef, date, text, uid } from '../../helpers/fieldBuilders';

export function taskId() {
	return uid({
		key: 'TaskId',
		displayName: 'Task ID',
		name: 'taskId',
		required: true,
		description: 'The TaskId, from Task → Create, Get Many or Get Many for Contact',
	});
}

export function taskName(required: boolean) {
	return text({
		key: 'Name',
		displayName: 'Name',
		name: 'name',
		required,
		placeholder: 'e.g. Send the proposal',
		description: 'What to do; shown in the task list',
	});
}

/** The fields a task has besides its name, for create (attach) and update (change or clear). */
export function taskDetails(forUpdate: boolean) {
	return [
		date({
			key: 'DueDate',
			displayName: 'Due Date',
			name: 'dueDate',
			description:
				'The day (yyyy-mm-dd) the task shows up in the agenda; it stays there until completed',
		}),
		uid({
			key: 'AssignedTo',
			displayName: 'Assigned To',
			name: 'assignedTo',
			locator: 'user',
			description: forUpdate
				? 'The LACRM user responsible for the task'
				: 'The LACRM user responsible for the task. Leave empty for the user of the credential.',
		}),
		uid({
			key: 'CalendarId',
			displayName: 'Calendar',
			name: 'calendarId',
			locator: 'calendar',
			description: forUpdate
				? 'The calendar the task belongs to'
				: "The calendar the task belongs to. Leave empty for the default calendar of the credential's user.",
		}),
		text({
			key: 'Description',
			displayName: 'Description',
			name: 'description',
			rows: 3,
			clearable: forUpdate,
			description: 'Details of the task; line breaks are kept',
		}),
		contactRef({
			required: false,
			clearable: forUpdate,
			description: forUpdate
				? 'Attach the task to this contact or company. Clear it to detach the task.'
				: 'Attach the task to this contact or company. Leave empty for a task not attached to anyone.',
		}),
	];
}

export function completed() {
	return boolean({
		key: 'IsComplete',
		displayName: 'Completed',
		name: 'isComplete',
		description: 'Whether the task is done. Turn it on to complete the task, off to re-open it.',
	});
}
