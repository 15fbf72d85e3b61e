import { defineOperation } from '../../helpers/operation';
import { checkTeamSharing } from '../../helpers/teams';
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
		if (Object.keys(prepared.parameters).length === 1) {
			throw input.error('Update Fields', 'nothing to change: set at least one field');
		}
	},
	output: (_result, prepared) => ({ PipelineId: prepared.parameters.PipelineId, updated: true }),
});
