import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The same choice on every LACRM node: API key for everyone, OAuth2 for LACRM partners. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2 (LACRM Partners)', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export const lacrmCredentials: INodeCredentialDescription[] = [
	{
		name: 'lacrmApi',
		required: true,
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
	{
		name: 'lacrmOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
