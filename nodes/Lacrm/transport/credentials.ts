import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** The two ways to reach LACRM: an API key (everyone) or OAuth2 (LACRM partners). */
export type LacrmCredentialType = 'lacrmApi' | 'lacrmOAuth2Api';

export function credentialTypeFor(authentication: string): LacrmCredentialType {
	return authentication === 'oAuth2' ? 'lacrmOAuth2Api' : 'lacrmApi';
}

export const DEFAULT_API_BASE_URL = 'https://api.lessannoyingcrm.com/v2/';

/** What the transport needs to know about the stored credential, without keeping a token around. */
export interface CredentialSnapshot {
	baseUrl: string;
	/** Values that must never appear in an error or a log line. */
	secrets: string[];
	/** OAuth2 only: a hash of the stored access token, to tell whether someone refreshed it. */
	tokenFingerprint?: string;
	/** API key only: a hash of the key, to recognise the same key without keeping it. */
	keyFingerprint?: string;
	/** OAuth2 only: when the stored access token expires, if n8n recorded it (n8n-core 2.x). */
	tokenExpiresAt?: number;
}

/** A short, stable, non-reversible name for a token: enough to compare, useless to an attacker. */
export function fingerprint(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

function normalizeBaseUrl(value: unknown): string {
	const text =
		typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_API_BASE_URL;
	return text.endsWith('/') ? text : `${text}/`;
}

export function snapshotCredential(
	type: LacrmCredentialType,
	data: ICredentialDataDecryptedObject,
): CredentialSnapshot {
	const secretValues = (...values: unknown[]) =>
		values.filter((value): value is string => typeof value === 'string' && value !== '');
	if (type === 'lacrmApi') {
		const secrets = secretValues(data.apiKey);
		return {
			baseUrl: normalizeBaseUrl(data.baseUrl),
			secrets,
			keyFingerprint: secrets.length > 0 ? fingerprint(secrets[0]) : undefined,
		};
	}
	const token = (data.oauthTokenData ?? {}) as Record<string, unknown>;
	const accessToken = typeof token.access_token === 'string' ? token.access_token : '';
	const expiresAt = Number(token.n8n_expires_at);
	return {
		baseUrl: normalizeBaseUrl(data.baseUrl),
		secrets: secretValues(token.access_token, token.refresh_token, data.clientSecret),
		tokenFingerprint: accessToken ? fingerprint(accessToken) : undefined,
		tokenExpiresAt: Number.isFinite(expiresAt) && expiresAt > 0 ? expiresAt : undefined,
	};
}
