import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { uidList } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { pipelineField } from './fields';

/** LACRM deletes at most this many items per DeletePipelineItems call. */
const MAX_IDS_PER_CALL = 5000;

export const deleteMany = defineOperation({
	operation: 'deleteMany',
	name: 'Delete Many',
	action: 'Delete many pipeline items',
	description:
		'Permanently delete many items of one pipeline at once, given their PipelineItemIds (e.g. from Get Many). Returns how many were deleted (NumberProcessed) and skipped (NumberSkipped).',
	fn: 'DeletePipelineItems',
	fields: [
		pipelineField('The pipeline all the items belong to'),
		uidList({
			key: 'PipelineItemIds',
			displayName: 'Pipeline Item IDs',
			name: 'pipelineItemIds',
			required: true,
			description:
				'PipelineItemIds separated by commas, or a list from an expression. Lists longer than 5,000 are sent in several requests.',
		}),
	],
	async run(prepared) {
		const { client, itemIndex } = this;
		const PipelineId = prepared.parameters.PipelineId as string;
		const ids = prepared.parameters.PipelineItemIds as string[];
		let NumberProcessed = 0;
		let NumberSkipped = 0;
		for (let start = 0; start < ids.length; start += MAX_IDS_PER_CALL) {
			const batch = ids.slice(start, start + MAX_IDS_PER_CALL);
			try {
				const result = await client.call(
					'DeletePipelineItems',
					{ PipelineId, PipelineItemIds: batch },
					{ itemIndex },
				);
				NumberProcessed += Number(result.NumberProcessed ?? 0);
				NumberSkipped += Number(result.NumberSkipped ?? 0);
			} catch (error) {
				const failure =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.exec.getNode(), error as Error, { itemIndex });
				// Earlier batches are gone for good: say so, or a re-run looks like it deleted nothing.
				if (start > 0) {
					const done = `The first ${start} IDs were already sent in earlier requests (${NumberProcessed} deleted, ${NumberSkipped} skipped); the failed request held IDs ${start + 1}–${start + batch.length}.`;
					failure.description = failure.description ? `${failure.description} ${done}` : done;
				}
				throw failure;
			}
		}
		const output: IDataObject = { PipelineId, NumberProcessed, NumberSkipped };
		return output;
	},
});
