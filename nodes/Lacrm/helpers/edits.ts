/**
 * What edit and delete operations share. LACRM answers an edit or a delete with nothing, so the
 * node outputs the record's id and what happened; an edit that would change nothing is refused
 * before any request.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ItemInput, PreparedItem } from './operation';

/** An edit's or a delete's `output`: `{ <id>: the id sent, updated | deleted: true }`. */
export function reportDone(idKey: string, done: 'updated' | 'deleted') {
	return (_result: unknown, prepared: PreparedItem<unknown>): IDataObject => ({
		[idKey]: prepared.parameters[idKey],
		[done]: true,
	});
}

/** Refuses an edit that sends only the record's id: set nothing, clear nothing. */
export function requireChange(input: ItemInput, parameters: IDataObject, hint: string): void {
	if (Object.keys(parameters).length === 1) {
		throw input.error('Update Fields', `nothing to change: ${hint}`);
	}
}
