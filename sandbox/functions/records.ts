/**
 * Records a handler finds by the id parameter that names them: the lookup that answers LACRM's
 * not-found error, and the Get… and Delete… handlers that do nothing more than that.
 */
import { notFound } from '../core/errors';
import type { Store } from '../store';
import { NOTHING, type CallContext, type Handler } from './context';
import { paginate, sortBy } from './paging';

/** Finds a record by id, or throws LACRM's not-found error; knows its id parameter and table. */
export interface RecordLookup<T> {
	(store: Store, id: string): T;
	/** The parameter that carries the id, e.g. NoteId. */
	idParam: string;
	table: (store: Store) => Map<string, T>;
}

/** `entity` as the not-found error names it: "No note was found with NoteId '…'". */
export function recordLookup<T>(
	entity: string,
	idParam: string,
	table: (store: Store) => Map<string, T>,
): RecordLookup<T> {
	const lookup = (store: Store, id: string): T => {
		const record = table(store).get(id);
		if (!record) throw notFound(entity, idParam, id);
		return record;
	};
	return Object.assign(lookup, { idParam, table });
}

/** Get…: the record the id parameter names, serialized. */
export function getRecord<T>(
	lookup: RecordLookup<T>,
	serialize: (store: Store, record: T) => unknown,
): Handler {
	return (ctx: CallContext) => serialize(ctx.store, lookup(ctx.store, ctx.p.req(lookup.idParam)));
}

/** Delete… of a record nothing else refers to: an unknown id is a not-found error. */
export function deleteRecord<T>(lookup: RecordLookup<T>): Handler {
	return (ctx: CallContext) => {
		const id = ctx.p.req(lookup.idParam);
		lookup(ctx.store, id);
		lookup.table(ctx.store).delete(id);
		return NOTHING;
	};
}

/**
 * Edit…: `edit` changes a copy of the record the id parameter names; the record takes the copy's
 * values only once `edit` has checked everything, so a refused edit changes nothing.
 */
export function editRecord<T extends object>(
	lookup: RecordLookup<T>,
	edit: (next: T, ctx: CallContext, record: T) => void,
): Handler {
	return (ctx: CallContext) => {
		const record = lookup(ctx.store, ctx.p.req(lookup.idParam));
		const next = { ...record };
		edit(next, ctx, record);
		Object.assign(record, next);
		return NOTHING;
	};
}

/**
 * Get…AttachedToContact: the records of the contact ContactId names (an unknown one is a
 * not-found error), in `order` when given, a page at a time.
 */
export function attachedToContact<T>(
	lookup: RecordLookup<T>,
	belongsTo: (record: T, contactId: string) => boolean,
	serialize: (store: Store, record: T) => unknown,
	order?: { key: (record: T) => string | number; descending: boolean },
): Handler {
	return (ctx: CallContext) => {
		const { ContactId } = ctx.store.contact(ctx.p.req('ContactId'));
		const records = [...lookup.table(ctx.store).values()].filter((r) => belongsTo(r, ContactId));
		const ordered = order ? sortBy(records, order.key, order.descending) : records;
		return paginate(ctx, ordered, (record) => serialize(ctx.store, record));
	};
}
