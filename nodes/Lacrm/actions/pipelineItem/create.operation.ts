import type { OperationOutput } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { callLacrm } from '../router';
import {
	contactField,
	noteField,
	pipelineCreateCustomFieldsProperties,
	pipelineField,
	readPipelineCustomFields,
	runStatusAutomationField,
	statusField,
	withCustomFields,
} from './fields';
import { checkStatusInPipeline } from './statusCheck';

export const create = defineOperation({
	operation: 'create',
	name: 'Create',
	action: 'Create a pipeline item',
	description:
		"Add a contact or company to a pipeline (a lead, deal…) in a given status, with the pipeline's custom fields. Needs a ContactId (Contact → Get Many), a PipelineId and a StatusId of that pipeline. Returns the new PipelineItemId.",
	fn: 'CreatePipelineItem',
	fields: [
		contactField,
		pipelineField('The pipeline to add the item to'),
		statusField({
			required: true,
			displayName: 'Status',
			description: "The item's status: one of the chosen pipeline's statuses",
		}),
	],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: [noteField, runStatusAutomationField],
	},
	properties: pipelineCreateCustomFieldsProperties,
	prepare: (input, prepared) => {
		prepared.parameters = withCustomFields(
			prepared.parameters,
			readPipelineCustomFields(input, 'create'),
		);
	},
	async run(prepared): Promise<OperationOutput> {
		const { PipelineId, StatusId } = prepared.parameters as {
			PipelineId: string;
			StatusId: string;
		};
		await checkStatusInPipeline(this, PipelineId, StatusId, 'Status');
		return await callLacrm(create, this, prepared);
	},
	output: (result) => ({ PipelineItemId: result.PipelineItemId }),
});
