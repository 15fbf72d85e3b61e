import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildResourceProperties } from './actions/description';
import { RESOURCES } from './actions/resources';
import { route } from './actions/router';
import { authenticationProperty, lacrmCredentials } from './helpers/authentication';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class Lacrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Less Annoying CRM',
		name: 'lacrm',
		icon: { light: 'file:lacrm.svg', dark: 'file:lacrm.dark.svg' },
		group: ['transform'],
		// 2: email and phone at the top of Create, sorting under Options (1 keeps saved workflows' layout).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Contacts, companies, pipelines, notes, tasks, events, emails, files and settings in Less Annoying CRM (all API v2 functions)',
		defaults: { name: 'Less Annoying CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: lacrmCredentials,
		properties: [authenticationProperty, ...buildResourceProperties(RESOURCES)],
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, RESOURCES);
	}
}
