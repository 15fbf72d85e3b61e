/** Fields and helpers shared by the file operations. */
import type { IBinaryData, IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { FileInfo } from '../../transport/types';
import type { Field, ReadContext } from '../../helpers/fieldBuilders';
import { contactRef, fieldError, uid } from '../../helpers/fieldBuilders';
import type { PreparedItem, RunContext } from '../../helpers/operation';

/** LACRM refuses uploads above 50 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const contactField = contactRef({
	required: true,
	description:
		'The contact or company the file is attached to. Its ContactId comes from Contact → Get Many, Create or a trigger.',
});

export const fileIdField: Field<'FileId'> = uid({
	key: 'FileId',
	displayName: 'File ID',
	name: 'fileId',
	required: true,
	description: 'The FileId, from File → Upload or File → Get Many for Contact',
});

export function outputBinaryProperty(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		...extra,
	} as INodeProperties;
}

export function readBinaryPropertyName(raw: unknown, ctx: ReadContext, label: string): string {
	const name = typeof raw === 'string' ? raw.trim() : '';
	if (name === '') throw fieldError(ctx, label, 'give the name of a binary field, e.g. data');
	return name;
}

export function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The item's file (GetFile): its details and FileUrl, a download link valid for 5 minutes. */
export async function getFile(
	context: RunContext,
	prepared: PreparedItem<unknown>,
): Promise<FileInfo> {
	return await context.client.call(
		'GetFile',
		{ FileId: prepared.parameters.FileId as string },
		{ itemIndex: context.itemIndex },
	);
}

/**
 * Fetches the file behind GetFile's temporary FileUrl (valid five minutes, so it is used at once)
 * and returns it as an n8n binary item named like the file in LACRM.
 */
export async function downloadFile(
	context: RunContext,
	info: FileInfo,
	binaryPropertyName: string,
	json: IDataObject,
): Promise<INodeExecutionData> {
	const { client, exec, itemIndex } = context;
	if (typeof info.FileUrl !== 'string' || info.FileUrl === '') {
		throw fieldError(
			{ node: exec.getNode(), itemIndex },
			'File ID',
			`LACRM returned no download link for file ${info.FileId}`,
			'The file may have been deleted. Check it with File → Get.',
		);
	}
	const { data, mimeType } = await client.download(info.FileUrl, { itemIndex });
	const fileName = info.FileName || info.DisplayName || `file-${info.FileId}`;
	const binary: IBinaryData = await exec.helpers.prepareBinaryData(
		data,
		fileName,
		info.FileType || mimeType,
	);
	return { json, binary: { [binaryPropertyName]: binary } };
}
