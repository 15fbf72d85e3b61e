import type { OperationDefinition } from '../operation';
import { simplifyContact } from '../shared/simplify';
import { recordId } from './fields';
import type { RecordKind } from './kind';

export function get(kind: RecordKind): OperationDefinition {
	return {
		operation: 'get',
		name: 'Get',
		action: `Get a ${kind.noun}`,
		description: `Get one ${kind.noun} with all its fields (custom fields by name) by ContactId`,
		fn: 'GetContact',
		fields: [recordId(kind)],
		simplify: simplifyContact,
	};
}
