import type { IDataObject } from 'n8n-workflow';

import type { PipelineItemGroup } from '../transport/types';

/**
 * GetPipelineItemsAttachedToContact groups a contact's items by pipeline; n8n wants one item per
 * pipeline item. A group without a PipelineItems list is kept as it came (its shape is inferred).
 */
export function flattenPipelineItemGroups(groups: PipelineItemGroup[]): IDataObject[] {
	return groups.flatMap<IDataObject>((group) =>
		Array.isArray(group.PipelineItems) ? group.PipelineItems : [group],
	);
}
