import type { IDataObject } from 'n8n-workflow';

import { boolean } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import {
	downloadFile,
	fileIdField,
	getFile,
	outputBinaryProperty,
	readBinaryPropertyName,
} from './fields';

const downloadOption = boolean({
	key: 'Download',
	displayName: 'Download File',
	name: 'download',
	description:
		'Whether to also download the file into a binary field (see Put Output File in Field)',
});

const binaryOption = outputBinaryProperty({
	hint: 'The name of the output binary field to put the file in, when Download File is on',
});

export const get = defineOperation({
	operation: 'get',
	name: 'Get',
	action: 'Get a file',
	description:
		"Get a file's details by FileId (from File → Get Many for Contact), including FileUrl, a download link valid for 5 minutes. Can also download the file itself.",
	fn: 'GetFile',
	fields: [fileIdField],
	options: [downloadOption.property, binaryOption],
	prepare: (input) => {
		const options = input.value<IDataObject>('options', {});
		const download = input.read(downloadOption, options) === true;
		return {
			download,
			binaryPropertyName: download
				? readBinaryPropertyName(
						options.binaryPropertyName ?? 'data',
						input,
						'Options → Put Output File in Field',
					)
				: '',
		};
	},
	async run(prepared) {
		const info = await getFile(this, prepared);
		if (!prepared.own.download) return info;
		return [await downloadFile(this, info, prepared.own.binaryPropertyName, { ...info })];
	},
});
