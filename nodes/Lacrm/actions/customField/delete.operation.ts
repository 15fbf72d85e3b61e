import { boolean } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { readOptionFields } from '../../helpers/teams';
import { reportDone } from '../../helpers/edits';
import { customFieldIdField } from './fields';

const sectionDeletesFields = boolean({
	key: 'SectionDeletesFields',
	displayName: 'Also Delete Fields in Section',
	name: 'sectionDeletesFields',
	description: 'Whether deleting a Section field also deletes the fields inside it',
});

export const remove = defineOperation({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a custom field',
	description:
		'Delete a custom field definition by CustomFieldId; records lose its values. For a Section, an option also deletes the fields inside it.',
	fn: 'DeleteCustomField',
	fields: [customFieldIdField],
	options: [sectionDeletesFields.property],
	prepare: (input, prepared) => readOptionFields(input, prepared, [sectionDeletesFields]),
	output: reportDone('CustomFieldId', 'deleted'),
});
