/** Note fields, described once for every note operation. */
import { dateTime, text, uid } from '../../helpers/fieldBuilders';

export function noteId() {
	return uid({
		key: 'NoteId',
		displayName: 'Note ID',
		name: 'noteId',
		required: true,
		description: 'The NoteId, from Note → Create, Get Many or Get Many for Contact',
	});
}

export function noteText(required: boolean) {
	return text({
		key: 'Note',
		displayName: 'Note',
		name: 'note',
		required,
		rows: 4,
		placeholder: 'e.g. Called, left a voicemail',
		description: required
			? 'The note, as plain text (LACRM escapes HTML and Markdown, keeps line breaks)'
			: 'The new text of the note; it replaces the whole text',
	});
}

export function dateShown() {
	return dateTime({
		key: 'DateDisplayedInHistory',
		displayName: 'Date Shown in History',
		name: 'dateDisplayedInHistory',
		description:
			"When the note appears in the contact's history; a time without an offset is in the workflow's time zone. Defaults to the time it is created.",
	});
}
