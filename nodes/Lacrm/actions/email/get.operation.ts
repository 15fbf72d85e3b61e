import { defineOperation } from '../../helpers/operation';
import { simplifyMetaData } from '../../helpers/simplify';
import { emailId } from './fields';

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a logged email',
	description:
		'Get one logged email by EmailId: sender, recipients, subject, body, date and the ContactIds it is logged on',
	fn: 'GetEmail',
	fields: [emailId()],
	simplify: simplifyMetaData,
});
