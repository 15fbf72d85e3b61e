import { defineOperation } from '../../helpers/operation';
import { pipelineIdField } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a pipeline',
	description:
		"Get one pipeline's setup by PipelineId: name, icon, permissions and its statuses (StatusIds, open or closed). Its items are under Pipeline Item.",
	fn: 'GetPipeline',
	fields: [pipelineIdField],
});
