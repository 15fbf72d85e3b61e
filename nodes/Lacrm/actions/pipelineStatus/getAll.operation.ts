import { defineOperation } from '../../helpers/operation';
import { pipelineField } from './fields';

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many pipeline statuses',
	description:
		'List pipeline statuses, of one pipeline or of all. Returns each StatusId with its PipelineId, name and IsActive (true = open, false = closed).',
	fn: 'GetPipelineStatuses',
	list: true,
	optional: { name: 'filters', displayName: 'Filters', fields: [pipelineField(false)] },
});
