import { defineOperation } from '../../helpers/operation';
import { flattenPipelineItemGroups } from '../../helpers/pipelineItemGroups';
import { simplifyPipelineItem } from '../../helpers/simplify';
import { contactField } from './fields';

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
		const groups = await this.client.callAll(
			'GetPipelineItemsAttachedToContact',
			{ ContactId: prepared.parameters.ContactId as string },
			{ itemIndex: this.itemIndex },
		);
		const items = flattenPipelineItemGroups(groups);
		const limited = prepared.limit === undefined ? items : items.slice(0, prepared.limit);
		return prepared.simplify ? limited.map(simplifyPipelineItem) : limited;
	},
});
