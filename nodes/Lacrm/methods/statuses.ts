/**
 * Pipeline statuses as the pickers list them: in LACRM's pipeline order (the order a deal moves
 * through), closed ones marked, and — when no pipeline is chosen — each named with its pipeline,
 * since several pipelines have an "Open" or a "New".
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { clientFor, selectedId } from './context';

export interface StatusChoice {
	name: string;
	value: string;
}

export async function statusChoices(ctx: ILoadOptionsFunctions): Promise<StatusChoice[]> {
	const pipelineId = selectedId(ctx, 'pipelineId');
	const client = clientFor(ctx);
	const [statuses, pipelines] = await Promise.all([
		client.callAll('GetPipelineStatuses', pipelineId ? { PipelineId: pipelineId } : {}),
		pipelineId
			? Promise.resolve([])
			: client.callAll('GetPipelines', { IncludeArchivedPipelines: true }),
	]);
	const pipelineName = new Map(pipelines.map((pipeline) => [pipeline.PipelineId, pipeline.Name]));
	const pipelineOrder = new Map(pipelines.map((pipeline, index) => [pipeline.PipelineId, index]));
	const listed = pipelineId
		? statuses
		: // Grouped by pipeline, in pipeline order; within a pipeline, LACRM's own order (stable sort).
			[...statuses].sort(
				(a, b) =>
					(pipelineOrder.get(a.PipelineId ?? '') ?? pipelines.length) -
					(pipelineOrder.get(b.PipelineId ?? '') ?? pipelines.length),
			);
	return listed.map((status) => {
		const closed = status.IsActive ? '' : ' (closed)';
		const prefix = pipelineId
			? ''
			: `${pipelineName.get(status.PipelineId ?? '') ?? 'Pipeline'} → `;
		return { name: `${prefix}${status.Name}${closed}`, value: status.StatusId };
	});
}
