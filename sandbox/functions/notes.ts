import { formatDateTime } from '../core/dates';
import type { Note, PipelineInfo, Store } from '../store';
import { NOTHING, type CallContext, type HandlerTable } from './context';
import { idSet, instantOf, windowOf } from './common';
import { contactMeta, userMeta } from './meta';
import { sortedPage } from './paging';
import { attachedToContact, deleteRecord, getRecord, recordLookup } from './records';

/** Notes: plain text attached to one contact; pipeline-item updates leave notes with PipelineInfo. */

export function serializeNote(store: Store, n: Note): Record<string, unknown> {
	let pipelineInfo: Record<string, unknown> | null = null;
	if (n.PipelineInfo) {
		pipelineInfo = {
			...n.PipelineInfo,
			PipelineMetaData: { Name: store.pipelines.get(n.PipelineInfo.PipelineId)?.Name ?? '' },
			StatusMetaData: { Name: store.statuses.get(n.PipelineInfo.StatusId)?.Name ?? '' },
		};
	}
	return {
		NoteId: n.NoteId,
		ContactId: n.ContactId,
		UserId: n.UserId,
		DateCreated: formatDateTime(n.DateCreated),
		DateDisplayedInHistory: formatDateTime(n.DateDisplayedInHistory),
		Note: n.Note,
		IsRichText: false,
		ContactMetaData: contactMeta(store, n.ContactId),
		UserMetaData: userMeta(store, n.UserId),
		PipelineInfo: pipelineInfo,
	};
}

export function addNote(
	store: Store,
	contactId: string,
	userId: string,
	text: string,
	when: number,
	now: number,
	pipelineInfo: PipelineInfo | null = null,
): Note {
	const note: Note = {
		NoteId: store.newId(),
		ContactId: contactId,
		UserId: userId,
		DateCreated: now,
		DateDisplayedInHistory: when,
		Note: text,
		PipelineInfo: pipelineInfo,
	};
	store.notes.set(note.NoteId, note);
	return note;
}

const noteOf = recordLookup('note', 'NoteId', (store) => store.notes);

function CreateNote(ctx: CallContext) {
	const { p, store } = ctx;
	const contact = store.contact(p.req('ContactId'));
	const when = p.str('DateDisplayedInHistory');
	const note = addNote(
		store,
		contact.ContactId,
		ctx.user.UserId,
		p.req('Note'),
		when ? instantOf(when) : ctx.now,
		ctx.now,
	);
	return { NoteId: note.NoteId };
}

function EditNote(ctx: CallContext) {
	const { p, store } = ctx;
	const note = noteOf(store, p.req('NoteId'));
	const when = p.str('DateDisplayedInHistory');
	const whenMs = when ? instantOf(when) : null;
	if (p.has('Note')) note.Note = p.str('Note') ?? '';
	if (p.has('DateDisplayedInHistory')) note.DateDisplayedInHistory = whenMs ?? note.DateCreated;
	return NOTHING;
}

function GetNotes(ctx: CallContext) {
	const { p, store } = ctx;
	const { from, to } = windowOf(p, 'DateFilterStart', 'DateFilterEnd');
	const users = idSet(p, 'UserFilter');
	const contactId = p.str('ContactId');
	if (contactId) store.contact(contactId);
	const matches: Note[] = [];
	for (const n of store.notes.values()) {
		if (contactId && n.ContactId !== contactId) continue;
		if (users && !users.has(n.UserId)) continue;
		if (n.DateDisplayedInHistory < from || n.DateDisplayedInHistory > to) continue;
		matches.push(n);
	}
	return sortedPage(ctx, matches, (n) => n.DateDisplayedInHistory, 'Descending', serializeNote);
}

const GetNotesAttachedToContact = attachedToContact(
	noteOf,
	(n, contactId) => n.ContactId === contactId,
	serializeNote,
	{ key: (n) => n.DateDisplayedInHistory, descending: true },
);

export const noteFunctions: HandlerTable = {
	CreateNote,
	EditNote,
	DeleteNote: deleteRecord(noteOf),
	GetNote: getRecord(noteOf, serializeNote),
	GetNotes,
	GetNotesAttachedToContact,
};
