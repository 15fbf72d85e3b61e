import { boolean, choice } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { readOptionFields } from '../../helpers/teams';
import { pipelineField } from './fields';

const includes = [
	boolean({
		key: 'IncludeArchivedFields',
		displayName: 'Include Archived Fields',
		name: 'includeArchivedFields',
		description: 'Whether to include archived custom fields',
	}),
	boolean({
		key: 'IncludeSections',
		displayName: 'Include Sections',
		name: 'includeSections',
		description: 'Whether to include Section fields (which hold no value themselves)',
	}),
];

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many custom fields',
	description:
		'List custom field definitions, optionally only those of contacts, companies or one pipeline. Returns each CustomFieldId, name, type and options; records take custom field values keyed by name.',
	fn: 'GetCustomFields',
	list: true,
	optional: {
		name: 'filters',
		displayName: 'Filters',
		fields: [
			choice({
				key: 'RecordType',
				displayName: 'Record Type',
				name: 'recordType',
				choices: ['Company', 'Contact', 'Pipeline'],
				default: 'Contact',
				description: 'Only fields of this kind of record',
			}),
			pipelineField(
				'Only fields of this pipeline (Record Type is then Pipeline). Its PipelineId comes from Pipeline → Get Many.',
			),
		],
	},
	options: includes.map((field) => field.property),
	prepare: (input, prepared) => {
		const { parameters } = prepared;
		if (parameters.PipelineId !== undefined) {
			if (parameters.RecordType === undefined) parameters.RecordType = 'Pipeline';
			if (parameters.RecordType !== 'Pipeline') {
				throw input.error(
					'Pipeline',
					`a pipeline filter only works with Record Type Pipeline (got ${String(parameters.RecordType)})`,
				);
			}
		}
		readOptionFields(input, prepared, includes);
	},
});
