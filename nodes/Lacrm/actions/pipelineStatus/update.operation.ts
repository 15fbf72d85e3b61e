import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { colorField, statusIdField, statusKindField, statusNameField } from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a pipeline status',
	description:
		'Edit a status by StatusId: its name (always required by LACRM, even when unchanged), open/closed type or color. Items in the status do not move.',
	fn: 'EditPipelineStatus',
	fields: [
		statusIdField,
		statusNameField(
			'The status name. LACRM requires it on every edit: give the current name to keep it.',
		),
	],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [statusKindField(true), colorField()],
	},
	clearable: true,
	output: reportDone('StatusId', 'updated'),
});
