/**
 * Turns one LACRM webhook delivery into n8n items: one item per record (LACRM sends arrays), each
 * carrying the event as the user picked it ("Pipeline item status changed"), LACRM's own name for
 * it and the user who triggered it.
 */
import type { IDataObject } from 'n8n-workflow';

import { webhookEventLabel } from '../Lacrm/helpers/webhookEvents';

export interface DeliveryFilters {
	pipelineId?: string;
	statusIds?: string[];
	groupId?: string;
}

function records(value: unknown): IDataObject[] {
	if (Array.isArray(value))
		return value.filter((entry) => entry && typeof entry === 'object') as IDataObject[];
	return value && typeof value === 'object' ? [value as IDataObject] : [];
}

/** The records a delivery is about, whatever the event. */
function recordsOf(body: IDataObject): IDataObject[] {
	const event = String(body.TriggeringEvent ?? '');
	if (event.startsWith('GroupMembership.')) {
		const group = (body.Group ?? {}) as IDataObject;
		return records(body.Contacts).map((contact) => ({
			...contact,
			GroupId: group.GroupId,
			GroupName: group.Name,
			Group: group,
		}));
	}
	for (const key of ['Contacts', 'PipelineItems']) {
		if (Array.isArray(body[key])) return records(body[key]);
	}
	if (body.Event && typeof body.Event === 'object') return [body.Event as IDataObject];
	if (body.EventId !== undefined) return [{ EventId: body.EventId }];
	// An event this node does not know yet: pass the payload on rather than drop it.
	const { UserId: _userId, TriggeringEvent: _event, ...rest } = body;
	return [rest];
}

function passes(record: IDataObject, event: string, filters: DeliveryFilters): boolean {
	if (event.startsWith('PipelineItemStatus.')) {
		if (
			filters.pipelineId &&
			record.PipelineId !== undefined &&
			String(record.PipelineId) !== filters.pipelineId
		)
			return false;
		if (
			filters.statusIds?.length &&
			record.StatusId !== undefined &&
			!filters.statusIds.includes(String(record.StatusId))
		) {
			return false;
		}
	}
	if (
		event.startsWith('GroupMembership.') &&
		filters.groupId &&
		String(record.GroupId) !== filters.groupId
	)
		return false;
	return true;
}

export function itemsFromDelivery(body: IDataObject, filters: DeliveryFilters): IDataObject[] {
	const event = String(body.TriggeringEvent ?? '');
	return recordsOf(body)
		.filter((record) => passes(record, event, filters))
		.map((record) => ({
			Change: webhookEventLabel(event),
			TriggeringEvent: event,
			TriggeringUserId: body.UserId,
			...record,
		}));
}
