import { advancedFilters, boolean, choice, text, uidList } from '../../helpers/fieldBuilders';
import type { OperationDefinition } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { sortDirection } from '../../helpers/filters';
import { simplifyContact } from '../../helpers/simplify';
import type { RecordKind } from './recordKind';

export function getAll(kind: RecordKind): OperationDefinition {
	return defineOperation({
		operation: 'getAll',
		name: 'Get Many',
		action: `Get many ${kind.plural}`,
		description: `Search or list ${kind.plural}. Search terms match names, emails, phones and company names. Returns each ${kind.noun} with its ContactId.`,
		fn: 'GetContacts',
		fields: [
			text({
				key: 'SearchTerms',
				displayName: 'Search Terms',
				name: 'searchTerms',
				placeholder: 'e.g. jane@example.com',
				description: `Free text matched against the ${kind.plural}' fields. Leave empty to list all.`,
			}),
		],
		list: true,
		simplify: simplifyContact,
		optional: {
			name: 'filters',
			displayName: 'Filters',
			fields: [
				uidList({
					key: 'OwnerFilter',
					displayName: 'Assigned To',
					name: 'ownerFilter',
					loadOptionsMethod: 'getUsers',
					description: `Only ${kind.plural} assigned to these users`,
				}),
				boolean({
					key: 'RequiresWriteAccess',
					displayName: 'Only Editable',
					name: 'requiresWriteAccess',
					description: `Whether to return only ${kind.plural} the credential's user may edit`,
				}),
				advancedFilters({
					key: 'AdvancedFilters',
					displayName: 'Advanced Filters',
					name: 'advancedFilters',
					examples: 'e.g. Email, DateCreated, Group, Cal, Pipeline, or a custom field name',
					description: 'LACRM advanced filters, combined with AND',
				}),
			],
		},
		optionFields: [
			choice({
				key: 'SortBy',
				displayName: 'Sort By',
				name: 'sortBy',
				choices: ['Relevance', 'FirstName', 'LastName', 'CompanyName', 'DateCreated', 'LastUpdate'],
				default: 'Relevance',
			}),
			sortDirection('Descending'),
		],
		fixed: { RecordTypeFilter: kind.recordTypeFilter },
	});
}
