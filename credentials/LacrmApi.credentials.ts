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

	// What n8n runs when the user clicks "Test" (or saves): GetUser, the cheapest read, needing no
	// permission beyond a valid key. n8n sends it with `authenticate` above and, when LACRM answers
	// with an error status, shows the message of the first rule whose status matches (else only
	// the HTTP status text). So each message says what to change in this credential.
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
				// LACRM's answer to a key it does not know: 400 "Invalid credentials".
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'LACRM did not accept this API key. Copy the whole key again from LACRM → Settings → Programmer API (LACRM shows a key only once: create a new one if you no longer have it), and check that API access is switched on for your LACRM account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Not authorized: the API key is missing or was refused. Paste the whole key from LACRM → Settings → Programmer API into API Key.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Access denied. Check in LACRM → Settings → Programmer API that the key still exists and that API access is switched on for your account; if API Base URL points at a proxy, check that the proxy lets n8n through.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: `Nothing answers at this API Base URL. Set it back to ${LACRM_API_BASE_URL} (with /v2/ and the trailing slash) unless you use a sandbox or a proxy.`,
				},
			},
		],
	};
}
