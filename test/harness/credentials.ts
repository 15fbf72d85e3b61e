/**
 * The LACRM credentials tests store in n8n's credential store, in one place: the fake secrets nock
 * tests send, and the stored shape of an API-key and an OAuth2 credential (as n8n keeps it after
 * "Connect": authorization code, client credentials in the header), for nock or the sandbox.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { StoredCredential } from './credentials-helper';

export const LACRM_ORIGIN = 'https://api.lessannoyingcrm.com';
export const LACRM_API_URL = `${LACRM_ORIGIN}/v2/`;
export const TEST_API_KEY = 'test-api-key-5f0c2a9e1b7d4c83';
export const TEST_ACCESS_TOKEN = 'test-access-token-9c1e55d0a4';
export const TEST_REFRESH_TOKEN = 'test-refresh-token-77b2e1f3c9';
export const TEST_CLIENT_SECRET = 'test-client-secret-3a8d0e6f1c';

/** How a workflow's node refers to a stored credential. */
export interface StoredAs {
	id: string;
	name: string;
}

export function apiKeyCredential(
	as: StoredAs,
	data: ICredentialDataDecryptedObject,
): StoredCredential {
	return { ...as, type: 'lacrmApi', data };
}

export interface OAuth2Endpoints {
	authUrl: string;
	accessTokenUrl: string;
	clientId: string;
	clientSecret: string;
	baseUrl: string;
}

/** A connected OAuth2 credential's data; without tokens, one the user has not connected yet. */
export function oauth2CredentialData(
	endpoints: OAuth2Endpoints,
	oauthTokenData?: IDataObject,
): ICredentialDataDecryptedObject {
	return {
		grantType: 'authorizationCode',
		scope: '',
		authQueryParameters: '',
		authentication: 'header',
		...endpoints,
		...(oauthTokenData ? { oauthTokenData } : {}),
	};
}

export function oauth2Credential(
	as: StoredAs,
	data: ICredentialDataDecryptedObject,
): StoredCredential {
	return { ...as, type: 'lacrmOAuth2Api', data };
}

/** A token grant as LACRM answers it, for credentials whose tokens a test makes up. */
export const bearerTokens = (accessToken: string, refreshToken: string): IDataObject => ({
	access_token: accessToken,
	refresh_token: refreshToken,
	token_type: 'Bearer',
	expires_in: 3600,
});

/** The sandbox's API key (or another one) against the sandbox's API. */
export const sandboxApiKeyCredential = (
	as: StoredAs,
	sandbox: Sandbox,
	apiKey = sandbox.apiKey,
): StoredCredential => apiKeyCredential(as, { apiKey, baseUrl: sandbox.apiUrl });

/** An OAuth2 credential registered with the sandbox's OAuth app. */
export const sandboxOAuth2Data = (
	sandbox: Sandbox,
	oauthTokenData?: IDataObject,
): ICredentialDataDecryptedObject =>
	oauth2CredentialData(
		{
			authUrl: sandbox.authorizeUrl,
			accessTokenUrl: sandbox.tokenUrl,
			clientId: sandbox.clientId,
			clientSecret: sandbox.clientSecret,
			baseUrl: sandbox.apiUrl,
		},
		oauthTokenData,
	);
