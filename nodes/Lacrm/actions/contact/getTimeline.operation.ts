import type { IDataObject } from 'n8n-workflow';

import { readDate } from '../../helpers/fieldBuilders';
import type { OperationDefinition } from '../../helpers/operation';
import { defineOperation } from '../../helpers/operation';
import { flattenPipelineItemGroups } from '../../helpers/pipelineItemGroups';
import { simplifyMetaData, simplifyPipelineItem } from '../../helpers/simplify';
import { recordId } from './fields';
import type { RecordKind } from './recordKind';

type ActivityType = 'note' | 'task' | 'event' | 'email' | 'pipelineItem' | 'file';

/** The list functions that take a contact's id and nothing else. */
type ActivityFunction =
	| 'GetNotesAttachedToContact'
	| 'GetTasksAttachedToContact'
	| 'GetEventsAttachedToContact'
	| 'GetEmailsAttachedToContact'
	| 'GetPipelineItemsAttachedToContact'
	| 'GetFilesAttachedToContact';

interface ActivitySource {
	fn: ActivityFunction;
	label: string;
	id: string;
	date: (record: IDataObject) => unknown;
	title: (record: IDataObject) => string;
}

const SOURCES: Record<ActivityType, ActivitySource> = {
	note: {
		fn: 'GetNotesAttachedToContact',
		label: 'Notes',
		id: 'NoteId',
		date: (record) => record.DateDisplayedInHistory ?? record.DateCreated,
		title: (record) =>
			String(record.Note ?? '')
				.split('\n')[0]
				.slice(0, 120),
	},
	task: {
		fn: 'GetTasksAttachedToContact',
		label: 'Tasks',
		id: 'TaskId',
		date: (record) => record.DueDate ?? record.DateCreated,
		title: (record) => String(record.Name ?? ''),
	},
	event: {
		fn: 'GetEventsAttachedToContact',
		label: 'Events',
		id: 'EventId',
		date: (record) => record.StartDate,
		title: (record) => String(record.Name ?? ''),
	},
	email: {
		fn: 'GetEmailsAttachedToContact',
		label: 'Emails',
		id: 'EmailId',
		date: (record) => record.Date,
		title: (record) => String(record.Subject ?? ''),
	},
	pipelineItem: {
		fn: 'GetPipelineItemsAttachedToContact',
		label: 'Pipeline Items',
		id: 'PipelineItemId',
		date: (record) => record.LastUpdate ?? record.DateCreated,
		title: (record) =>
			[(record.PipelineMetaData as IDataObject)?.Name, (record.StatusMetaData as IDataObject)?.Name]
				.filter(Boolean)
				.join(': '),
	},
	file: {
		fn: 'GetFilesAttachedToContact',
		label: 'Files',
		id: 'FileId',
		date: (record) => record.DateCreated,
		title: (record) => String(record.DisplayName ?? record.FileName ?? ''),
	},
};

const ALL_TYPES = Object.keys(SOURCES) as ActivityType[];

function timestamp(value: unknown): number {
	const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Number.isNaN(time) ? 0 : time;
}

export function getTimeline(kind: RecordKind): OperationDefinition {
	return defineOperation({
		operation: 'getTimeline',
		name: 'Get Activity Timeline',
		action: `Get the activity timeline of a ${kind.noun}`,
		description: `Everything attached to a ${kind.noun} — notes, tasks, events, emails, pipeline items and files — as one list, newest first. Each item has type, date, id and title, plus the full record.`,
		fn: 'GetNotesAttachedToContact',
		alsoCalls: ALL_TYPES.map((type) => SOURCES[type].fn).filter(
			(fn) => fn !== 'GetNotesAttachedToContact',
		),
		fields: [recordId(kind)],
		list: true,
		simplify: (record) => record,
		options: [
			{
				displayName: 'Activity Types',
				name: 'types',
				type: 'multiOptions',
				options: ALL_TYPES.map((type) => ({ name: SOURCES[type].label, value: type })).sort(
					(a, b) => a.name.localeCompare(b.name),
				),
				default: [],
				description: 'Which kinds of activity to include. None selected means all.',
			},
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Only activity dated on or after this day',
			},
		],
		prepare: (input) => {
			const options = input.value<IDataObject>('options', {});
			const types = (options.types as ActivityType[] | undefined)?.length
				? (options.types as ActivityType[])
				: ALL_TYPES;
			return { types, since: readDate(options.since, input, 'Options → Since') };
		},
		async run(prepared) {
			const { client, itemIndex } = this;
			const contactId = prepared.parameters.ContactId as string;
			const since = prepared.own.since ? Date.parse(prepared.own.since) : undefined;
			const perType = await Promise.all(
				prepared.own.types.map(async (type) => {
					const source = SOURCES[type];
					const parameters = { ContactId: contactId };
					const records: IDataObject[] =
						source.fn === 'GetPipelineItemsAttachedToContact'
							? flattenPipelineItemGroups(
									await client.callAll(source.fn, parameters, { itemIndex }),
								)
							: ((await client.callAll(source.fn, parameters, { itemIndex })) as IDataObject[]);
					return records.map((record) => ({
						type,
						date: (source.date(record) as string | undefined) ?? null,
						id: record[source.id] as string,
						title: source.title(record),
						record: prepared.simplify
							? type === 'pipelineItem'
								? simplifyPipelineItem(record)
								: simplifyMetaData(record)
							: record,
					}));
				}),
			);
			const activities = perType
				.flat()
				.filter((activity) => since === undefined || timestamp(activity.date) >= since)
				.sort((a, b) => timestamp(b.date) - timestamp(a.date));
			return prepared.limit === undefined ? activities : activities.slice(0, prepared.limit);
		},
	});
}
