/** Logged-email fields, described once for every email operation. */
import type { Field } from '../../helpers/fieldBuilders';
import { uid } from '../../helpers/fieldBuilders';

export function emailId(): Field<'EmailId'> {
	return uid({
		key: 'EmailId',
		displayName: 'Email ID',
		name: 'emailId',
		required: true,
		description: 'The EmailId, from Email → Log, Get Many or Get Many for Contact',
	});
}
