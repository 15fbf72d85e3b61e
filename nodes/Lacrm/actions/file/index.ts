import type { ResourceDefinition } from '../operation';
import { download } from './download';
import { get } from './get';
import { getAllForContact } from './getAllForContact';
import { upload } from './upload';

export const fileResource: ResourceDefinition = {
	value: 'file',
	name: 'File',
	description: 'Files attached to contacts and companies',
	defaultOperation: 'upload',
	operations: [upload, get, download, getAllForContact],
};
