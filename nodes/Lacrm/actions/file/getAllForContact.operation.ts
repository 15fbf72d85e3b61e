import type { IDataObject } from 'n8n-workflow';

import { boolean } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { contactField } from './fields';

const previousVersionsOption = boolean({
	key: 'ReturnPreviousVersions',
	displayName: 'Include Previous Versions',
	name: 'returnPreviousVersions',
	description:
		'Whether to also return the older versions of files that were replaced by a newer upload',
});

export const getAllForContact = defineOperation({
	operation: 'getAllForContact',
	name: 'Get Many for Contact',
	action: 'Get many files of a contact',
	description:
		'List the files attached to a contact or company (needs a ContactId from Contact → Get Many). Each has its FileId, name, type, size and a FileUrl valid for 5 minutes. Files in File Link custom fields are not included.',
	fn: 'GetFilesAttachedToContact',
	fields: [contactField],
	list: true,
	options: [previousVersionsOption.property],
	prepare: (input, prepared) => {
		const options = input.value<IDataObject>('options', {});
		if (input.read(previousVersionsOption, options) === true)
			prepared.parameters.ReturnPreviousVersions = true;
	},
});
