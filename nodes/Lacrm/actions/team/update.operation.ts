import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';
import { reportDone, requireChange } from '../../helpers/edits';
import { membersField, removeAllMembersField, teamIdField, teamNameField } from './fields';

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a team',
	description:
		"Rename a team and/or replace its members by TeamId. A member list replaces the team's whole membership; Remove All Members empties it.",
	fn: 'EditTeam',
	fields: [teamIdField],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [teamNameField(false), membersField(true), removeAllMembersField],
	},
	prepare: (input, prepared) => {
		const updateFields = input.value<IDataObject>('updateFields', {});
		const members = membersField(true).read(updateFields.userIdList, input);
		if (updateFields.removeAllMembers === true && members !== undefined) {
			throw input.error(
				'Remove All Members',
				'it cannot be combined with a member list; choose one',
			);
		}
		requireChange(input, prepared.parameters, 'set a name, members, or Remove All Members');
	},
	output: reportDone('TeamId', 'updated'),
});
