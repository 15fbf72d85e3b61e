import { ApiError } from '../core/errors';
import { dateOf, formatDateTime } from '../core/dates';
import type { PipelineItem, Store } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { idSet } from './common';
import { applyCustomFieldInput, customFieldFilter, renderCustomFields } from './customFieldValues';
import { compileFilters, normalizeFilterName, type FilterField } from './filters';
import { contactMeta, fullName } from './meta';
import { addNote } from './notes';
import { pageWindow, paginate, sortBy } from './paging';
import { pipelineOf, statusOf } from './pipelines';
import { getRecord, recordLookup } from './records';

/**
 * Pipeline items (leads, deals…) attached to contacts. Custom fields belong to the item's
 * pipeline; required ones are enforced on create with LACRM's own wording. A status change or a
 * note is a "status update": it adds a history note with PipelineInfo and fires
 * PipelineItemStatus.Update; editing only custom fields does not (REFERENCE §13.3 leaves it open).
 */

export const MAX_BULK_DELETE = 5000;

export function serializePipelineItem(store: Store, item: PipelineItem): Record<string, unknown> {
	const out: Record<string, unknown> = {
		PipelineItemId: item.PipelineItemId,
		PipelineId: item.PipelineId,
		StatusId: item.StatusId,
		ContactId: item.ContactId,
		DateCreated: formatDateTime(item.DateCreated),
		CreatedBy: item.CreatedBy,
		LastUpdate: formatDateTime(item.LastUpdate),
		LastUpdatedBy: item.LastUpdatedBy,
		NumberOfUpdates: item.NumberOfUpdates,
		LastNote: item.LastNote,
		PipelineMetaData: { Name: store.pipelines.get(item.PipelineId)?.Name ?? '' },
		StatusMetaData: { Name: store.statuses.get(item.StatusId)?.Name ?? '' },
		ContactMetaData: contactMeta(store, item.ContactId),
	};
	renderCustomFields(store.customFieldsFor('Pipeline', item.PipelineId), item.Custom, out);
	return out;
}

const itemOf = recordLookup('pipeline item', 'PipelineItemId', (store) => store.pipelineItems);

function statusInPipeline(store: Store, fn: string, statusId: string, pipelineId: string) {
	const status = statusOf(store, statusId);
	if (status.PipelineId !== pipelineId) {
		throw new ApiError(
			`status-pipeline-mismatch:${fn}`,
			`The status ${statusId} ('${status.Name}') does not belong to pipeline ${pipelineId}.`,
		);
	}
	return status;
}

function CreatePipelineItem(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const contact = store.contact(p.req('ContactId'));
	const pipeline = pipelineOf(store, p.req('PipelineId'));
	if (pipeline.DateArchived !== null)
		throw new ApiError(`pipeline-archived:${fn}`, `The pipeline '${pipeline.Name}' is archived.`);
	const status = statusInPipeline(store, fn, p.req('StatusId'), pipeline.PipelineId);
	const custom = applyCustomFieldInput({
		store,
		fn,
		fields: store.customFieldsFor('Pipeline', pipeline.PipelineId),
		input: ctx.extras,
		existing: null,
		creating: true,
		recordLabel: `pipeline ('${pipeline.Name}')`,
	});
	const note = p.str('Note') ?? '';
	const item: PipelineItem = {
		PipelineItemId: store.newId(),
		PipelineId: pipeline.PipelineId,
		StatusId: status.StatusId,
		ContactId: contact.ContactId,
		DateCreated: ctx.now,
		CreatedBy: ctx.user.UserId,
		LastUpdate: ctx.now,
		LastUpdatedBy: ctx.user.UserId,
		NumberOfUpdates: 0,
		LastNote: note,
		Custom: custom,
	};
	store.pipelineItems.set(item.PipelineItemId, item);
	if (note !== '') {
		addNote(store, contact.ContactId, ctx.user.UserId, note, ctx.now, ctx.now, {
			PipelineId: item.PipelineId,
			PipelineItemId: item.PipelineItemId,
			StatusId: item.StatusId,
			PreviousStatusId: null,
		});
	}
	ctx.emit('PipelineItemStatus.Create', { PipelineItems: [serializePipelineItem(store, item)] });
	return { PipelineItemId: item.PipelineItemId };
}

function EditPipelineItem(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const item = itemOf(store, p.req('PipelineItemId'));
	const newStatusId = p.str('StatusId');
	if (newStatusId) statusInPipeline(store, fn, newStatusId, item.PipelineId);
	const custom = applyCustomFieldInput({
		store,
		fn,
		fields: store.customFieldsFor('Pipeline', item.PipelineId),
		input: ctx.extras,
		existing: item.Custom,
		creating: false,
		recordLabel: 'pipeline',
	});
	const note = p.str('Note');
	const previousStatusId = item.StatusId;
	const statusUpdate = newStatusId !== undefined || note !== undefined;
	item.Custom = custom;
	if (newStatusId) item.StatusId = newStatusId;
	if (note !== undefined) item.LastNote = note;
	item.LastUpdate = ctx.now;
	item.LastUpdatedBy = ctx.user.UserId;
	item.NumberOfUpdates++;
	if (statusUpdate) {
		addNote(store, item.ContactId, ctx.user.UserId, note ?? '', ctx.now, ctx.now, {
			PipelineId: item.PipelineId,
			PipelineItemId: item.PipelineItemId,
			StatusId: item.StatusId,
			PreviousStatusId: previousStatusId,
		});
		ctx.emit('PipelineItemStatus.Update', { PipelineItems: [serializePipelineItem(store, item)] });
	}
	return NOTHING;
}

function DeletePipelineItem(ctx: CallContext) {
	const item = itemOf(ctx.store, ctx.p.req('PipelineItemId'));
	ctx.store.pipelineItems.delete(item.PipelineItemId);
	// No webhook: LACRM sends none for deletions (REFERENCE §13.3).
	return NOTHING;
}

/**
 * Bulk delete, at most 5000 ids, all from the one PipelineId given. An id from another pipeline
 * fails the whole call; ids that do not exist are counted as skipped.
 */
function DeletePipelineItems(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const pipeline = pipelineOf(store, p.req('PipelineId'));
	const ids = [...new Set(p.strings('PipelineItemIds') ?? [])];
	if (ids.length > MAX_BULK_DELETE) {
		throw new ApiError(
			`too-many-items:${fn}`,
			`'PipelineItemIds' can list at most ${MAX_BULK_DELETE} items per call, got ${ids.length}.`,
		);
	}
	const existing: PipelineItem[] = [];
	for (const id of ids) {
		const item = store.pipelineItems.get(id);
		if (!item) continue;
		if (item.PipelineId !== pipeline.PipelineId) {
			throw new ApiError(
				`item-pipeline-mismatch:${fn}`,
				`The pipeline item ${id} is not in pipeline ${pipeline.PipelineId}; all items must belong to the given PipelineId.`,
			);
		}
		existing.push(item);
	}
	for (const item of existing) store.pipelineItems.delete(item.PipelineItemId);
	return { NumberProcessed: existing.length, NumberSkipped: ids.length - existing.length };
}

function itemFilterResolver(
	store: Store,
	pipelineId: string,
): (name: string) => FilterField<PipelineItem> | undefined {
	const statusName = (i: PipelineItem) => store.statuses.get(i.StatusId)?.Name ?? '';
	const builtIns: Record<string, FilterField<PipelineItem>> = {
		status: { kind: 'text', options: true, values: (i) => [statusName(i), i.StatusId] },
		statusid: { kind: 'uid', value: (i) => i.StatusId },
		contact: { kind: 'text', values: (i) => [contactName(store, i)] },
		contactname: { kind: 'text', values: (i) => [contactName(store, i)] },
		contactid: { kind: 'uid', value: (i) => i.ContactId },
		lastnote: { kind: 'text', values: (i) => [i.LastNote] },
		datecreated: { kind: 'date', nullable: false, value: (i) => dateOf(i.DateCreated) },
		dateentered: { kind: 'date', nullable: false, value: (i) => dateOf(i.DateCreated) },
		lastupdate: { kind: 'date', nullable: false, value: (i) => dateOf(i.LastUpdate) },
		dateupdated: { kind: 'date', nullable: false, value: (i) => dateOf(i.LastUpdate) },
		numberofupdates: { kind: 'number', value: (i) => i.NumberOfUpdates },
	};
	return (name) => {
		if (builtIns[name]) return builtIns[name];
		const field = store
			.customFieldsFor('Pipeline', pipelineId)
			.find((f) => normalizeFilterName(f.Name) === name);
		return field ? customFieldFilter<PipelineItem>(field, (i) => i.Custom) : undefined;
	};
}

function contactName(store: Store, item: PipelineItem): string {
	const c = store.contacts.get(item.ContactId);
	return c ? fullName(c) : '';
}

/** Items of one pipeline. An empty StatusFilter means the ACTIVE statuses only (REFERENCE §12). */
function GetPipelineItems(ctx: CallContext) {
	const { p, store, fn } = ctx;
	const pipeline = pipelineOf(store, p.req('PipelineId'));
	let statusIds = idSet(p, 'StatusFilter');
	if (statusIds) {
		for (const id of statusIds) statusInPipeline(store, fn, id, pipeline.PipelineId);
	} else {
		statusIds = new Set(pipeline.StatusIds.filter((id) => store.statuses.get(id)?.IsActive));
	}
	const users = idSet(p, 'UserFilter');
	const filter = compileFilters(
		fn,
		p.raw('AdvancedFilters'),
		itemFilterResolver(store, pipeline.PipelineId),
	);
	const matches: PipelineItem[] = [];
	for (const item of store.pipelineItems.values()) {
		if (item.PipelineId !== pipeline.PipelineId || !statusIds.has(item.StatusId)) continue;
		if (users) {
			const owner = store.contacts.get(item.ContactId)?.AssignedTo;
			if (owner === undefined || !users.has(owner)) continue;
		}
		if (filter && !filter(item)) continue;
		matches.push(item);
	}
	const descending = (p.str('SortDirection') ?? 'Ascending') === 'Descending';
	const order = new Map(pipeline.StatusIds.map((id, i) => [id, i]));
	const sortKey = p.str('SortBy') ?? 'Status';
	const key =
		sortKey === 'DateCreated'
			? (i: PipelineItem) => i.DateCreated
			: sortKey === 'LastUpdate'
				? (i: PipelineItem) => i.LastUpdate
				: (i: PipelineItem) => order.get(i.StatusId) ?? 0;
	return paginate(ctx, sortBy(matches, key, descending), (i) => serializePipelineItem(store, i));
}

/** A bare array grouped by pipeline: `[{PipelineId, PipelineItems: [...]}]` (shape inferred; REFERENCE §16.6). */
function GetPipelineItemsAttachedToContact(ctx: CallContext) {
	const { store } = ctx;
	pageWindow(ctx); // MaxNumberOfResults/Page are accepted (and range-checked) but the list is not paged
	const contact = store.contact(ctx.p.req('ContactId'));
	const groups = new Map<string, unknown[]>();
	for (const item of store.pipelineItems.values()) {
		if (item.ContactId !== contact.ContactId) continue;
		let list = groups.get(item.PipelineId);
		if (!list) groups.set(item.PipelineId, (list = []));
		list.push(serializePipelineItem(store, item));
	}
	return [...groups].map(([PipelineId, PipelineItems]) => ({ PipelineId, PipelineItems }));
}

export const pipelineItemFunctions: HandlerTable = {
	CreatePipelineItem,
	EditPipelineItem,
	DeletePipelineItem,
	DeletePipelineItems,
	GetPipelineItem: getRecord(itemOf, serializePipelineItem),
	GetPipelineItems,
	GetPipelineItemsAttachedToContact,
};
