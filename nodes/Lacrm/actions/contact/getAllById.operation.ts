import { uidList } from '../../helpers/fieldBuilders';
import type { OperationDefinition } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { simplifyContact } from '../../helpers/simplify';
import type { RecordKind } from './recordKind';

export function getAllById(kind: RecordKind): OperationDefinition {
	return defineOperation({
		operation: 'getAllById',
		name: 'Get Many by ID',
		action: `Get many ${kind.plural} by ID`,
		description: `Get several ${kind.plural} at once from a list of ContactIds (one request per 10,000)`,
		fn: 'GetContactsById',
		fields: [
			uidList({
				key: 'ContactIds',
				displayName: 'Contact IDs',
				name: 'contactIds',
				required: true,
				description: 'ContactIds separated by commas, or a list from an expression',
			}),
		],
		list: true,
		simplify: simplifyContact,
	});
}
