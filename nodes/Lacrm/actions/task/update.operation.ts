import { defineOperation } from '../../helpers/operation';
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
		if (Object.keys(prepared.parameters).length === 1) {
			throw input.error(
				'Update Fields',
				'nothing to change: set a field, Completed, or a field to clear',
			);
		}
	},
	output: (_result, prepared) => ({ TaskId: prepared.parameters.TaskId, updated: true }),
});
