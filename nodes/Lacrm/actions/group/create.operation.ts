import { defineOperation } from '../../helpers/operation';
import { checkTeamSharing } from '../../helpers/teams';
import { colorField, GROUP_SHARING, groupNameField, groupTeamsField, sharingField } from './fields';

const teams = groupTeamsField(false);

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a group',
	description:
		'Create a group (a label for contacts and companies; the name must be unique). Sharing with Teams needs TeamIds from Team → Get Many. Returns the new GroupId; add contacts to it with the Group Membership resource.',
	fn: 'CreateGroup',
	fields: [groupNameField(true), sharingField(false)],
	properties: [
		{ ...teams.property, required: true, displayOptions: { show: { sharing: ['Teams'] } } },
	],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: [colorField(false)],
	},
	prepare: (input, prepared) => {
		if (prepared.parameters.Sharing === 'Teams') {
			const teamIds = input.read(teams);
			if (teamIds !== undefined) prepared.parameters.TeamIds = teamIds;
		}
		checkTeamSharing(input, prepared.parameters, GROUP_SHARING, true);
	},
	output: (result) => ({ GroupId: result.GroupId }),
});
