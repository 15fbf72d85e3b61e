/**
 * A status must belong to the item's pipeline. LACRM refuses a mismatch naming the pipeline only by
 * its 31-digit id; checked here first (reads only), the error names both by name and nothing is
 * written. In the editor the status picker already empties itself when the pipeline changes; this
 * covers expressions, IDs and workflows saved before that.
 */
import type { NodeOperationError } from 'n8n-workflow';

import type { LacrmClient } from '../../transport/client';
import { fieldError } from '../../helpers/fieldBuilders';
import type { RunContext } from '../../helpers/operation';

/** Status ids per pipeline, read once per execution (the client lives for one execution). */
const statusIdsByClient = new WeakMap<LacrmClient, Map<string, Promise<Set<string>>>>();

function statusIdsOf(context: RunContext, pipelineId: string): Promise<Set<string>> {
	let cache = statusIdsByClient.get(context.client);
	if (!cache) statusIdsByClient.set(context.client, (cache = new Map()));
	let ids = cache.get(pipelineId);
	if (!ids) {
		ids = context.client
			.callAll('GetPipelineStatuses', { PipelineId: pipelineId }, { itemIndex: context.itemIndex })
			.then((statuses) => new Set(statuses.map((status) => String(status.StatusId))));
		// A failed read is not remembered: the next item asks again.
		ids.catch(() => cache.delete(pipelineId));
		cache.set(pipelineId, ids);
	}
	return ids;
}

export async function checkStatusInPipeline(
	context: RunContext,
	pipelineId: string,
	statusId: string,
	label: string,
): Promise<void> {
	if ((await statusIdsOf(context, pipelineId)).has(statusId)) return;
	throw await mismatchError(context, pipelineId, statusId, label);
}

async function mismatchError(
	context: RunContext,
	pipelineId: string,
	statusId: string,
	label: string,
): Promise<NodeOperationError> {
	const { client, itemIndex } = context;
	const [statuses, pipelines] = await Promise.all([
		client.callAll('GetPipelineStatuses', {}, { itemIndex }),
		client.callAll('GetPipelines', { IncludeArchivedPipelines: true }, { itemIndex }),
	]);
	const pipelineName = (id: string | undefined) =>
		pipelines.find((pipeline) => pipeline.PipelineId === id)?.Name ?? id ?? 'unknown';
	const status = statuses.find((candidate) => candidate.StatusId === statusId);
	const chosen = `"${pipelineName(pipelineId)}"`;
	const allowed = statuses
		.filter((candidate) => candidate.PipelineId === pipelineId)
		.map((candidate) => candidate.Name);
	const ctx = { node: context.exec.getNode(), itemIndex };
	const problem = status
		? `"${status.Name}" is a status of the pipeline "${pipelineName(status.PipelineId)}", not of ${chosen}`
		: `${statusId} is not a status of any pipeline (the pipeline is ${chosen})`;
	return fieldError(
		ctx,
		label,
		problem,
		`Statuses of ${chosen}: ${allowed.join(', ') || 'none'}. Pick the status again after choosing the pipeline.`,
	);
}
