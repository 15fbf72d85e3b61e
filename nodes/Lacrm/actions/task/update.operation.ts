import { defineOperation } from '../../helpers/operation';
import { reportDone, requireChange } from '../../helpers/edits';
import { completed, taskDetails, taskId, taskName } from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a task',
	description:
		'Change a task by TaskId, including marking it complete (Completed on) or re-opening it (Completed off). Only the fields you set are sent; fields listed in Fields to Clear are blanked.',
	fn: 'EditTask',
	fields: [taskId()],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [taskName(false), completed(), ...taskDetails(true)],
	},
	clearable: true,
	prepare: (input, prepared) => {
		requireChange(input, prepared.parameters, 'set a field, Completed, or a field to clear');
	},
	output: reportDone('TaskId', 'updated'),
});
