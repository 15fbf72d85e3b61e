import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiBaseUrlProperty } from './LacrmApi.credentials';

/**
 * OAuth2 for LACRM integration partners (they get a Client ID / Client Secret from LACRM).
 *
 * LACRM refresh tokens are single-use: a second use is treated as an attack and can revoke the
 * whole grant. n8n's token manager does the exchange and the refresh; the node's transport
 * (nodes/Lacrm/transport/refreshGate.ts) makes sure this process never refreshes twice with the
 * same refresh token.
 */
export class LacrmOAuth2Api implements ICredentialType {
	name = 'lacrmOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Less Annoying CRM OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/Lacrm/lacrm.svg',
		dark: 'file:../nodes/Lacrm/lacrm.dark.svg',
	};

	documentationUrl = 'https://account.lessannoyingcrm.com/api_docs/v2/Advanced/OAuth';

	properties: INodeProperties[] = [
		{
			displayName:
				'OAuth is for LACRM partners. Register this n8n instance\'s redirect URL — &lt;your n8n URL&gt;/rest/oauth2-credential/callback, shown above as "OAuth Redirect URL" — in your LACRM partner settings. If connecting fails, use the "Less Annoying CRM API" (API key) credential instead.',
			name: 'redirectNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://account.lessannoyingcrm.com/oauth/authorize.php',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://script.lessannoyingcrm.com/oauth/token.php',
			required: true,
		},
		{
			// LACRM has no scopes; without this field n8n would send scope=openid.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// LACRM wants the client id/secret as HTTP Basic on the token endpoint.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		apiBaseUrlProperty,
	];
}
