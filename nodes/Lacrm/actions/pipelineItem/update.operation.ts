import type { OperationOutput } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { callLacrm } from '../router';
import { customFieldsProperty } from '../../helpers/customFields';
import { reportDone } from '../../helpers/edits';
import {
	customFieldsToClearProperty,
	noteField,
	pickerPipelineField,
	pipelineItemField,
	readPipelineCustomFields,
	runStatusAutomationField,
	statusField,
	withCustomFields,
} from './fields';
import { checkStatusInPipeline } from './statusCheck';

/** Parameters that identify the item or steer the edit, rather than change it. */
const NOT_CHANGES = new Set(['PipelineItemId', 'RunStatusAutomation']);

export const update = defineOperation({
	operation: 'update',
	name: 'Update',
	action: 'Update a pipeline item',
	description:
		'Move a pipeline item to another status, add a note to its history, or change its custom fields. Needs a PipelineItemId (from Get Many, Get Many for Contact or Create). Only what you set is changed.',
	fn: 'EditPipelineItem',
	fields: [pickerPipelineField, pipelineItemField],
	optional: {
		name: 'updateFields',
		displayName: 'Update Fields',
		fields: [
			statusField({
				required: false,
				displayName: 'New Status',
				description: "The status to move the item to: one of its pipeline's statuses",
			}),
			noteField,
			runStatusAutomationField,
		],
	},
	properties: [customFieldsProperty('pipeline', 'update'), customFieldsToClearProperty],
	prepare: (input, prepared) => {
		const parameters = withCustomFields(
			prepared.parameters,
			readPipelineCustomFields(input, 'update'),
		);
		const toClear = String(input.value<string>('customFieldsToClear', '') ?? '')
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		for (const name of toClear) {
			if (NOT_CHANGES.has(name) || name === 'StatusId' || name === 'Note') {
				throw input.error('Custom Fields to Clear', `"${name}" is not a custom field`);
			}
			if (parameters[name] !== undefined) {
				throw input.error(
					'Custom Fields to Clear',
					`"${name}" is both set and cleared; choose one`,
				);
			}
			parameters[name] = null;
		}
		if (Object.keys(parameters).every((key) => NOT_CHANGES.has(key))) {
			throw input.error(
				'Update Fields',
				'nothing to change: set a new status, a note, a custom field, or a custom field to clear',
			);
		}
		prepared.parameters = parameters;
	},
	// A new status must be one of the item's own pipeline (one read, only when the status changes).
	async run(prepared): Promise<OperationOutput> {
		const { PipelineItemId, StatusId } = prepared.parameters as {
			PipelineItemId: string;
			StatusId?: string;
		};
		if (StatusId) {
			const item = await this.client.call(
				'GetPipelineItem',
				{ PipelineItemId },
				{ itemIndex: this.itemIndex },
			);
			await checkStatusInPipeline(this, String(item.PipelineId), StatusId, 'New Status');
		}
		return await callLacrm(update, this, prepared);
	},
	output: reportDone('PipelineItemId', 'updated'),
});
