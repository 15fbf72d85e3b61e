import { boolean, dateTime, emailAddresses, text, uidList } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';

/** Now, as ISO 8601 without milliseconds. */
function now(): string {
	return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const create = defineOperation({
	operation: 'create',
	name: 'Log',
	action: 'Log an email',
	description:
		'Save a copy of an email (sent or received elsewhere) in the history of one or more contacts (ContactIds from Contact → Get Many). By default it is logged as sent by the contact; turn on Sent by User for an email the user sent. Returns the new EmailId.',
	fn: 'CreateEmail',
	fields: [
		uidList({
			key: 'ContactIds',
			displayName: 'Contact IDs',
			name: 'contactIds',
			required: true,
			description:
				'The contacts (or companies) to log the email on: ContactIds separated by commas, or a list from an expression',
		}),
		emailAddresses({
			key: 'From',
			displayName: 'From',
			name: 'from',
			single: true,
			required: true,
		}),
		emailAddresses({ key: 'To', displayName: 'To', name: 'to', required: true }),
		text({
			key: 'Body',
			displayName: 'Body',
			name: 'body',
			required: true,
			rows: 6,
			description: 'The text of the email',
		}),
	],
	optional: {
		name: 'additionalFields',
		displayName: 'Additional Fields',
		fields: [
			text({ key: 'Subject', displayName: 'Subject', name: 'subject' }),
			emailAddresses({ key: 'Cc', displayName: 'Cc', name: 'cc' }),
			dateTime({
				key: 'Date',
				displayName: 'Date Sent',
				name: 'date',
				description:
					"When the email was sent; a time without an offset is in the workflow's time zone. Defaults to now.",
			}),
			boolean({
				key: 'UserIsSender',
				displayName: 'Sent by User',
				name: 'userIsSender',
				description:
					"Whether the LACRM user of the credential sent the email. Off (LACRM's default) logs it as sent by the contact it is logged on.",
			}),
		],
	},
	prepare: (_input, prepared) => {
		// LACRM requires the date; "now" is what logging an email as it happens means.
		prepared.parameters.Date ??= now();
	},
	output: (result) => ({ EmailId: result.EmailId }),
});
