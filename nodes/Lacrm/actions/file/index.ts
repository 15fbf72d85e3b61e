import type { ResourceDefinition } from '../../helpers/operation';
import { download } from './download.operation';
import { get } from './get.operation';
import { getAllForContact } from './getAllForContact.operation';
import { upload } from './upload.operation';

export const fileResource: ResourceDefinition = {
	value: 'file',
	name: 'File',
	description: 'Files attached to contacts and companies',
	defaultOperation: 'upload',
	operations: [upload, get, download, getAllForContact],
};
