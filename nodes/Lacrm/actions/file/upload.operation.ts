import type { IDataObject } from 'n8n-workflow';

import { fieldError, text } from '../../helpers/fieldBuilders';
import { defineOperation } from '../../helpers/operation';
import { contactField, MAX_FILE_BYTES, megabytes, readBinaryPropertyName } from './fields';

const INPUT_FIELD_LABEL = 'Input Binary Field';

const fileNameOption = text({
	key: 'FileName',
	displayName: 'File Name',
	name: 'fileName',
	placeholder: 'e.g. quote.pdf',
	description: "The name the file gets in LACRM. Leave empty to keep the binary file's own name.",
});

const mimeTypeOption = text({
	key: 'MimeType',
	displayName: 'MIME Type',
	name: 'mimeType',
	placeholder: 'e.g. application/pdf',
	description: "The file's content type. Leave empty to keep the binary file's own type.",
});

export const upload = defineOperation({
	operation: 'upload',
	name: 'Upload',
	action: 'Upload a file to a contact',
	description:
		'Attach a file (a binary field of the input item, up to 50 MB) to a contact or company; needs a ContactId from Contact → Get Many. Returns the new FileId.',
	fn: 'CreateFile',
	fields: [contactField],
	properties: [
		{
			displayName: INPUT_FIELD_LABEL,
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to be uploaded',
		},
	],
	options: [fileNameOption.property, mimeTypeOption.property],
	prepare: (input) => {
		const binaryPropertyName = readBinaryPropertyName(
			input.value('binaryPropertyName', 'data'),
			input,
			INPUT_FIELD_LABEL,
		);
		const item = input.exec.getInputData()[input.itemIndex];
		const binary = item?.binary?.[binaryPropertyName];
		if (!binary) {
			const available = Object.keys(item?.binary ?? {});
			throw input.error(
				INPUT_FIELD_LABEL,
				`the input item has no binary field "${binaryPropertyName}"`,
				available.length
					? `Binary fields of this item: ${available.join(', ')}`
					: 'This item carries no file at all. Read one first (e.g. with HTTP Request or Read/Write Files from Disk).',
			);
		}
		// n8n records the size when it stores the file; checking it here spares a doomed upload.
		if (typeof binary.bytes === 'number' && binary.bytes > MAX_FILE_BYTES) {
			throw input.error(
				INPUT_FIELD_LABEL,
				`the file is ${megabytes(binary.bytes)}; LACRM accepts files up to 50 MB`,
			);
		}
		const options = input.value<IDataObject>('options', {});
		const fileName =
			(input.read(fileNameOption, options) as string | undefined) ??
			binary.fileName ??
			(binary.fileExtension ? `file.${binary.fileExtension}` : 'file');
		const mimeType =
			(input.read(mimeTypeOption, options) as string | undefined) ??
			binary.mimeType ??
			'application/octet-stream';
		return { binaryPropertyName, fileName, mimeType };
	},
	async run(prepared) {
		const { exec, client, itemIndex } = this;
		const { binaryPropertyName, fileName, mimeType } = prepared.own;
		const data = await exec.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
		if (data.length > MAX_FILE_BYTES) {
			throw fieldError(
				{ node: exec.getNode(), itemIndex },
				INPUT_FIELD_LABEL,
				`the file "${fileName}" is ${megabytes(data.length)}; LACRM accepts files up to 50 MB`,
			);
		}
		const result = await client.uploadFile(
			{ ContactId: prepared.parameters.ContactId as string },
			{ data, fileName, mimeType },
			{ itemIndex },
		);
		return { FileId: result.FileId };
	},
});
