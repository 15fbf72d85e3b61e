import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Default LACRM API v2 endpoint; both credentials let advanced users point elsewhere (sandbox, proxy). */
export const LACRM_API_BASE_URL = 'https://api.lessannoyingcrm.com/v2/';

/** Shared by both LACRM credentials. */
export const apiBaseUrlProperty: INodeProperties = {
	displayName: 'API Base URL',
	name: 'baseUrl',
	type: 'string',
	default: LACRM_API_BASE_URL,
	description:
		'Leave as is for Less Annoying CRM. Change it only to reach a local LACRM sandbox or a proxy.',
};

export class LacrmApi implements ICredentialType {
	name = 'lacrmApi';

	displayName = 'Less Annoying CRM API';

	icon: Icon = {
		light: 'file:../nodes/Lacrm/lacrm.svg',
		dark: 'file:../nodes/Lacrm/lacrm.dark.svg',
	};

	documentationUrl = 'https://account.lessannoyingcrm.com/api_docs/v2/Getting_Started/Connect';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create a key in LACRM under Settings → Programmer API. The key acts as the user who created it, with the permissions you gave it.',
		},
		apiBaseUrlProperty,
	];

	// LACRM wants the bare key as the whole header value: no "Bearer", no "Basic".
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{$credentials.apiKey}}',
			},
		},
	};

	// GetUser is the cheapest read and needs no permission beyond a valid key.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { Function: 'GetUser', Parameters: {} },
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'LACRM rejected this API key. Copy the whole key again from Settings → Programmer API, and check that API access is switched on for your account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'LACRM rejected this API key. Copy the whole key again from Settings → Programmer API.',
				},
			},
		],
	};
}
