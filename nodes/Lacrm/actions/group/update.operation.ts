import { defineOperation } from '../../helpers/operation';
import { checkTeamSharing } from '../../helpers/teams';
import { reportDone, requireChange } from '../../helpers/edits';
import {
	colorField,
	GROUP_SHARING,
	groupIdField,
	groupNameField,
	groupTeamsField,
	sharingField,
} from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a group',
	description:
		"Rename a group or change its sharing, teams or color by GroupId. Only the fields you set are sent; Fields to Clear removes the group's color.",
	fn: 'EditGroup',
	fields: [groupIdField],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [groupNameField(false), sharingField(true), groupTeamsField(true), colorField(true)],
	},
	clearable: true,
	prepare: (input, prepared) => {
		checkTeamSharing(input, prepared.parameters, GROUP_SHARING, false);
		requireChange(input, prepared.parameters, 'set a field or a field to clear');
	},
	output: reportDone('GroupId', 'updated'),
});
