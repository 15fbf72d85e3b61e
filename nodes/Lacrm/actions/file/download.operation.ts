import { defineOperation } from '../../helpers/operation';
import {
	downloadFile,
	fileIdField,
	getFile,
	outputBinaryProperty,
	readBinaryPropertyName,
} from './fields';

const OUTPUT_FIELD_LABEL = 'Put Output File in Field';

export const download = defineOperation({
	operation: 'download',
	name: 'Download',
	action: 'Download a file',
	description:
		"Download a file by FileId (from File → Get Many for Contact) into a binary field, named and typed as in LACRM. The item's JSON holds the file's details.",
	fn: 'GetFile',
	fields: [fileIdField],
	properties: [outputBinaryProperty({ required: true })],
	prepare: (input) => ({
		binaryPropertyName: readBinaryPropertyName(
			input.value('binaryPropertyName', 'data'),
			input,
			OUTPUT_FIELD_LABEL,
		),
	}),
	async run(prepared) {
		const info = await getFile(this, prepared);
		// The link expires after five minutes: it is of no use further down the workflow.
		const { FileUrl: _expiringLink, ...details } = info;
		return [await downloadFile(this, info, prepared.own.binaryPropertyName, details)];
	},
});
