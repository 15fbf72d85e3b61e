import { defineOperation } from '../../helpers/operation';
import { checkTeamSharing } from '../../helpers/teams';
import { reportDone, requireChange } from '../../helpers/edits';
import {
	iconField,
	PIPELINE_PERMISSIONS,
	permissionsField,
	pipelineIdField,
	pipelineNameField,
	pipelineTeamsField,
} from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a pipeline',
	description:
		'Rename a pipeline or change its icon, permissions or teams by PipelineId. Only the fields you set are sent. Statuses are edited with Pipeline Status → Update.',
	fn: 'EditPipeline',
	fields: [pipelineIdField],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [
			pipelineNameField(false),
			iconField(false),
			permissionsField(true),
			pipelineTeamsField(true),
		],
	},
	prepare: (input, prepared) => {
		checkTeamSharing(input, prepared.parameters, PIPELINE_PERMISSIONS, false);
		requireChange(input, prepared.parameters, 'set at least one field');
	},
	output: reportDone('PipelineId', 'updated'),
});
