import { boolean } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { readOptionFields } from '../../helpers/teams';

const includes = [
	boolean({
		key: 'IncludeArchivedPipelines',
		displayName: 'Include Archived Pipelines',
		name: 'includeArchivedPipelines',
		description: 'Whether to include archived pipelines',
	}),
	boolean({
		key: 'IncludeCustomFields',
		displayName: 'Include Custom Fields',
		name: 'includeCustomFields',
		description: "Whether to include each pipeline's custom field definitions",
	}),
	boolean({
		key: 'IncludeHiddenPipelines',
		displayName: 'Include Hidden Pipelines',
		name: 'includeHiddenPipelines',
		description:
			"Whether to include pipelines the credential's user has no permission for (admins only)",
	}),
];

export const getAll = defineOperation({
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many pipelines',
	description:
		'List pipelines with their statuses. Returns each PipelineId and its StatusIds, which pipeline items take.',
	fn: 'GetPipelines',
	list: true,
	options: includes.map((field) => field.property),
	prepare: (input, prepared) => readOptionFields(input, prepared, includes),
});
