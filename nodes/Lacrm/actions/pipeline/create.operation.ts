import { defineOperation } from '../../helpers/operation';
import { checkTeamSharing } from '../../helpers/teams';
import {
	iconField,
	PIPELINE_PERMISSIONS,
	permissionsField,
	pipelineNameField,
	pipelineTeamsField,
} from './fields';

const teams = pipelineTeamsField(false);

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a pipeline',
	description:
		'Create a pipeline (a process such as sales leads that contacts move through). Team Sharing needs TeamIds from Team → Get Many. Returns the new PipelineId; then add its statuses with Pipeline Status → Create.',
	fn: 'CreatePipeline',
	fields: [pipelineNameField(true), iconField(true), permissionsField(false)],
	properties: [
		{
			...teams.property,
			required: true,
			displayOptions: { show: { permissions: ['TeamSharing'] } },
		},
	],
	prepare: (input, prepared) => {
		if (prepared.parameters.Permissions === 'TeamSharing') {
			const teamIds = input.read(teams);
			if (teamIds !== undefined) prepared.parameters.TeamIds = teamIds;
		}
		checkTeamSharing(input, prepared.parameters, PIPELINE_PERMISSIONS, true);
	},
	output: (result) => ({ PipelineId: result.PipelineId }),
});
