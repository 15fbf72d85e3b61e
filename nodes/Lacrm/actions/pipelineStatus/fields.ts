/** Pipeline status fields, described once for create, update and delete. */
import type { Field } from '../../helpers/fieldBuilders';
import { fieldError, text, uid } from '../../helpers/fieldBuilders';

export const statusIdField = uid({
	key: 'StatusId',
	displayName: 'Status',
	name: 'statusId',
	locator: 'status',
	required: true,
	description:
		'The pipeline status. Its StatusId comes from Pipeline Status → Get Many or Pipeline → Get.',
});

export function pipelineField(required: boolean) {
	return uid({
		key: 'PipelineId',
		displayName: 'Pipeline',
		name: 'pipelineId',
		locator: 'pipeline',
		required,
		description: required
			? 'The pipeline the status belongs to. Its PipelineId comes from Pipeline → Get Many.'
			: 'Only statuses of this pipeline. Its PipelineId comes from Pipeline → Get Many.',
	});
}

export function statusNameField(description: string) {
	return text({
		key: 'Name',
		displayName: 'Name',
		name: 'name',
		required: true,
		placeholder: 'e.g. Proposal Sent',
		description,
	});
}

/** LACRM's IsActive: an open status is a step in progress, a closed one ends the item (won, lost…). */
export function statusKindField(forUpdate: boolean): Field<'IsActive'> {
	const label = 'Status Type';
	return {
		key: 'IsActive',
		property: {
			displayName: label,
			name: 'isActive',
			type: 'options',
			options: [
				{
					name: 'Closed',
					value: 'closed',
					description: 'Items in it are finished (e.g. won or lost)',
				},
				{ name: 'Open (Active)', value: 'open', description: 'Items in it are still in progress' },
			],
			default: 'open',
			description: forUpdate
				? 'Whether items in this status are in progress (open) or finished (closed)'
				: 'Whether items in this status are in progress (open) or finished (closed). LACRM itself defaults to closed.',
		},
		read: (raw, ctx) => {
			if (raw === undefined || raw === null || raw === '') return undefined;
			if (raw === 'open' || raw === true || raw === 'true') return true;
			if (raw === 'closed' || raw === false || raw === 'false') return false;
			throw fieldError(ctx, label, `"${String(raw)}" is not open or closed`);
		},
	};
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** LACRM's pipeline status Color: a hex code such as #486581 (its Pipeline-statuses page). */
export function colorField(): Field<'Color'> {
	const label = 'Color';
	return {
		key: 'Color',
		clearable: true,
		property: {
			displayName: label,
			name: 'color',
			type: 'color',
			default: '',
			placeholder: '#486581',
			description: 'The color LACRM shows the status in, as a hex code like #486581',
		},
		read: (raw, ctx) => {
			if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
				return undefined;
			if (typeof raw !== 'string')
				throw fieldError(
					ctx,
					label,
					`expected a hex color like #486581, got ${JSON.stringify(raw)}`,
				);
			const value = raw.trim();
			if (!HEX_COLOR.test(value))
				throw fieldError(
					ctx,
					label,
					`"${value}" is not a hex color like #486581`,
					'LACRM takes a pipeline status color as a hex code (#, then six hex digits); pick one with the color picker.',
				);
			return value;
		},
	};
}
