/** Pipeline fields, described once for create, update, delete and get. */
import type { Field } from '../../helpers/fieldBuilders';
import { choice, fieldError, text, uid } from '../../helpers/fieldBuilders';
import type { TeamSharingSetting } from '../../helpers/teams';
import { teamIdsField } from '../../helpers/teams';

export const pipelineIdField = uid({
	key: 'PipelineId',
	displayName: 'Pipeline',
	name: 'pipelineId',
	locator: 'pipeline',
	required: true,
	description: 'The pipeline. Its PipelineId comes from Pipeline → Get Many or Create.',
});

export function pipelineNameField(required: boolean) {
	return text({
		key: 'Name',
		displayName: 'Name',
		name: 'name',
		required,
		placeholder: 'e.g. Leads',
		description: 'The pipeline name',
	});
}

/** The icons LACRM documents; its own list may be longer, so other names pass through unchecked. */
const PIPELINE_ICONS = [
	'book',
	'briefcase',
	'cart',
	'comments',
	'credit_cards',
	'dollar_sign',
	'euro',
	'flag',
	'gem',
	'heart',
	'lightbulb',
	'lightning',
	'lock',
	'medal',
	'medal_2',
	'money',
	'paper',
	'phone_2',
	'pound',
	'puzzle',
	'ribbon',
	'shield',
	'star',
	'yen',
];

function iconLabel(icon: string): string {
	return icon
		.split('_')
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');
}

export function iconField(required: boolean): Field<'Icon'> {
	const label = 'Icon';
	return {
		key: 'Icon',
		property: {
			displayName: label,
			name: 'icon',
			type: 'options',
			options: PIPELINE_ICONS.map((icon) => ({ name: iconLabel(icon), value: icon })),
			default: 'dollar_sign',
			required: required ? true : undefined,
			description:
				"The pipeline's icon. To use an icon LACRM has that is not listed, give its name (e.g. dollar_sign) in an expression.",
		},
		read: (raw, ctx) => {
			if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
				if (required) throw fieldError(ctx, label, 'it is required');
				return undefined;
			}
			if (typeof raw !== 'string')
				throw fieldError(ctx, label, `expected an icon name, got ${JSON.stringify(raw)}`);
			return raw.trim();
		},
	};
}

export function permissionsField(forUpdate: boolean) {
	return choice({
		key: 'Permissions',
		displayName: 'Permissions',
		name: 'permissions',
		choices: [
			{ name: 'Public', value: 'Public', description: 'Every user of the account' },
			{ name: 'Team Sharing', value: 'TeamSharing', description: 'Users of the chosen teams' },
		],
		default: 'Public',
		description: forUpdate
			? 'Who can use the pipeline'
			: 'Who can use the pipeline (LACRM default: Public)',
	});
}

export const PIPELINE_PERMISSIONS: TeamSharingSetting = {
	key: 'Permissions',
	label: 'Permissions',
	teams: 'TeamSharing',
	teamsLabel: 'Team Sharing',
};

export function pipelineTeamsField(forUpdate: boolean) {
	return teamIdsField({
		description: forUpdate
			? 'The teams that can use the pipeline, when Permissions is Team Sharing (replaces the current teams)'
			: 'The teams that can use the pipeline',
	});
}
