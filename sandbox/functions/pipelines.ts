import { ApiError } from '../core/errors';
import { formatDateTime, formatNullableDateTime } from '../core/dates';
import type { Pipeline, PipelineStatus, Store } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { blankName, checkTeamIds, nonBlank } from './common';
import { serializeCustomField } from './customFields';
import { editRecord, recordLookup } from './records';

/**
 * Pipelines and their statuses (settings). A status with IsActive=false is a closed status;
 * the order of a pipeline's statuses is what GetPipelineItems' SortBy "Status" follows.
 */

export const pipelineOf = recordLookup('pipeline', 'PipelineId', (store) => store.pipelines);

export const statusOf = recordLookup('pipeline status', 'StatusId', (store) => store.statuses);

export function serializePipeline(
	store: Store,
	p: Pipeline,
	includeCustomFields = false,
): Record<string, unknown> {
	const out: Record<string, unknown> = {
		PipelineId: p.PipelineId,
		Name: p.Name,
		Icon: p.Icon,
		DateCreated: formatDateTime(p.DateCreated),
		DateArchived: formatNullableDateTime(p.DateArchived),
		Permissions: p.Permissions,
		SharingTeamIds: [...p.TeamIds],
		Statuses: p.StatusIds.map((id) => store.statuses.get(id))
			.filter((s): s is PipelineStatus => s !== undefined)
			.map((s) => ({ StatusId: s.StatusId, Name: s.Name, IsActive: s.IsActive, Color: s.Color })),
	};
	if (includeCustomFields)
		out.CustomFields = store.customFieldsFor('Pipeline', p.PipelineId).map(serializeCustomField);
	return out;
}

function serializeStatus(s: PipelineStatus): Record<string, unknown> {
	return {
		StatusId: s.StatusId,
		PipelineId: s.PipelineId,
		Name: s.Name,
		IsActive: s.IsActive,
		Color: s.Color,
		DateCreated: formatDateTime(s.DateCreated),
	};
}

function checkSharing(store: Store, fn: string, permissions: string, teamIds: string[]): void {
	checkTeamIds(store, fn, teamIds, permissions === 'TeamSharing', 'Permissions is TeamSharing');
}

function CreatePipeline(ctx: CallContext) {
	const { p, store } = ctx;
	const permissions = p.str('Permissions') ?? 'Public';
	const teamIds = p.strings('TeamIds') ?? [];
	checkSharing(store, ctx.fn, permissions, teamIds);
	const pipeline: Pipeline = {
		PipelineId: store.newId(),
		Name: p.req('Name').trim(),
		Icon: p.req('Icon'),
		Permissions: permissions,
		TeamIds: teamIds,
		DateCreated: ctx.now,
		DateArchived: null,
		StatusIds: [],
	};
	store.pipelines.set(pipeline.PipelineId, pipeline);
	return { PipelineId: pipeline.PipelineId };
}

const EditPipeline = editRecord(pipelineOf, (next, { p, store, fn }) => {
	if (p.has('Name')) next.Name = nonBlank(p.str('Name')?.trim(), ...blankName(fn, "A pipeline's"));
	if (p.has('Icon'))
		next.Icon = nonBlank(
			p.str('Icon'),
			'blank-icon:EditPipeline',
			`A pipeline's 'Icon' can't be blank.`,
		);
	if (p.has('Permissions')) next.Permissions = p.str('Permissions') ?? 'Public';
	if (p.has('TeamIds')) next.TeamIds = p.strings('TeamIds') ?? [];
	checkSharing(store, fn, next.Permissions, next.TeamIds);
});

/** Deleting a pipeline deletes its statuses, items and custom fields. */
function DeletePipeline(ctx: CallContext) {
	const { store } = ctx;
	const pipeline = pipelineOf(store, ctx.p.req('PipelineId'));
	for (const id of pipeline.StatusIds) store.statuses.delete(id);
	for (const [id, item] of store.pipelineItems)
		if (item.PipelineId === pipeline.PipelineId) store.pipelineItems.delete(id);
	for (const [id, f] of store.customFields)
		if (f.PipelineId === pipeline.PipelineId) store.customFields.delete(id);
	store.pipelines.delete(pipeline.PipelineId);
	return NOTHING;
}

function GetPipeline(ctx: CallContext) {
	return serializePipeline(ctx.store, pipelineOf(ctx.store, ctx.p.req('PipelineId')));
}

/** A bare array. Permissions are not modelled, so IncludeHiddenPipelines changes nothing. */
function GetPipelines(ctx: CallContext) {
	const archived = ctx.p.bool('IncludeArchivedPipelines') === true;
	const withFields = ctx.p.bool('IncludeCustomFields') === true;
	return [...ctx.store.pipelines.values()]
		.filter((p) => archived || p.DateArchived === null)
		.map((p) => serializePipeline(ctx.store, p, withFields));
}

function assertStatusNameFree(
	store: Store,
	fn: string,
	pipeline: Pipeline,
	name: string,
	selfId?: string,
): void {
	for (const id of pipeline.StatusIds) {
		const s = store.statuses.get(id);
		if (s && s.StatusId !== selfId && s.Name.toLowerCase() === name.toLowerCase()) {
			throw new ApiError(
				`duplicate-status:${fn}`,
				`The pipeline '${pipeline.Name}' already has a status named '${s.Name}'.`,
			);
		}
	}
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** A status Color is a hex code like #486581 (LACRM's Pipeline-statuses page); blank means none. */
function statusColor(ctx: CallContext): string {
	const color = (ctx.p.str('Color') ?? '').trim();
	if (color !== '' && !HEX_COLOR.test(color)) {
		throw new ApiError(
			`invalid-color:${ctx.fn}`,
			`'Color' must be a hex color code like #486581, got '${color}'.`,
		);
	}
	return color;
}

function CreatePipelineStatus(ctx: CallContext) {
	const { p, store } = ctx;
	const pipeline = pipelineOf(store, p.req('PipelineId'));
	const name = p.req('Name').trim();
	assertStatusNameFree(store, ctx.fn, pipeline, name);
	const status: PipelineStatus = {
		StatusId: store.newId(),
		PipelineId: pipeline.PipelineId,
		Name: name,
		IsActive: p.bool('IsActive') ?? false,
		Color: statusColor(ctx),
		DateCreated: ctx.now,
	};
	store.statuses.set(status.StatusId, status);
	pipeline.StatusIds.push(status.StatusId);
	return { StatusId: status.StatusId };
}

function EditPipelineStatus(ctx: CallContext) {
	const { p, store } = ctx;
	const status = statusOf(store, p.req('StatusId'));
	const name = p.req('Name').trim();
	assertStatusNameFree(store, ctx.fn, pipelineOf(store, status.PipelineId), name, status.StatusId);
	const color = p.has('Color') ? statusColor(ctx) : status.Color;
	status.Name = name;
	if (p.has('IsActive')) status.IsActive = p.bool('IsActive') ?? false;
	status.Color = color;
	return NOTHING;
}

/** A status that still has items can't be deleted (move the items first). */
function DeletePipelineStatus(ctx: CallContext) {
	const { store } = ctx;
	const status = statusOf(store, ctx.p.req('StatusId'));
	let inUse = 0;
	for (const item of store.pipelineItems.values()) if (item.StatusId === status.StatusId) inUse++;
	if (inUse > 0) {
		throw new ApiError(
			'status-in-use:DeletePipelineStatus',
			`The status '${status.Name}' still has ${inUse} pipeline item(s); move them to another status first.`,
		);
	}
	const pipeline = store.pipelines.get(status.PipelineId);
	if (pipeline) pipeline.StatusIds = pipeline.StatusIds.filter((id) => id !== status.StatusId);
	store.statuses.delete(status.StatusId);
	return NOTHING;
}

function GetPipelineStatuses(ctx: CallContext) {
	const pipelineId = ctx.p.str('PipelineId');
	const pipelines = pipelineId
		? [pipelineOf(ctx.store, pipelineId)]
		: [...ctx.store.pipelines.values()];
	const out: unknown[] = [];
	for (const pipeline of pipelines) {
		for (const id of pipeline.StatusIds) {
			const s = ctx.store.statuses.get(id);
			if (s) out.push(serializeStatus(s));
		}
	}
	return out;
}

export const pipelineFunctions: HandlerTable = {
	CreatePipeline,
	EditPipeline,
	DeletePipeline,
	GetPipeline,
	GetPipelines,
	CreatePipelineStatus,
	EditPipelineStatus,
	DeletePipelineStatus,
	GetPipelineStatuses,
};
