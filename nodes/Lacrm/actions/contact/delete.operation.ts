import type { OperationDefinition } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { reportDone } from '../../helpers/edits';
import { recordId } from './fields';
import type { RecordKind } from './recordKind';

export function remove(kind: RecordKind): OperationDefinition {
	return defineOperation({
		operation: 'delete',
		name: 'Delete',
		action: `Delete a ${kind.noun}`,
		description: `Permanently delete a ${kind.noun} by ContactId, with its notes, tasks and history`,
		fn: 'DeleteContact',
		fields: [recordId(kind)],
		output: reportDone('ContactId', 'deleted'),
	});
}
