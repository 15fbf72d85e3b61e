import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';
import { simplifyPipelineItem } from '../../helpers/simplify';
import { contactField } from './fields';

/** LACRM groups a contact's items by pipeline; n8n wants one item per pipeline item. */
function flatten(groups: IDataObject[]): IDataObject[] {
	return groups.flatMap((group) =>
		Array.isArray(group.PipelineItems) ? (group.PipelineItems as IDataObject[]) : [group],
	);
}

export const getAllForContact = defineOperation({
	operation: 'getAllForContact',
	name: 'Get Many for Contact',
	action: 'Get many pipeline items of a contact',
	description:
		'List all pipeline items of a contact or company, across pipelines (needs a ContactId from Contact → Get Many). One result per item, with its PipelineItemId, pipeline and status.',
	fn: 'GetPipelineItemsAttachedToContact',
	fields: [contactField],
	list: true,
	simplify: simplifyPipelineItem,
	async run(prepared) {
		const groups = (await this.client.callAll(
			'GetPipelineItemsAttachedToContact',
			{ ContactId: prepared.parameters.ContactId as string },
			{ itemIndex: this.itemIndex },
		)) as unknown as IDataObject[];
		const items = flatten(groups);
		const limited = prepared.limit === undefined ? items : items.slice(0, prepared.limit);
		return prepared.simplify ? limited.map(simplifyPipelineItem) : limited;
	},
});
