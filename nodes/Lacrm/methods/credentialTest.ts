/**
 * "Test" on the API-key credential, through the node: unlike the credential's declarative test,
 * this can show LACRM's own explanation ("API access is disabled for this account", …) instead
 * of a bare "Bad Request".
 */
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { snapshotCredential } from '../transport/credentials';
import { readLacrmError, redact } from '../transport/errors';

export async function lacrmApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const { baseUrl, secrets } = snapshotCredential('lacrmApi', data);
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey.trim() : '';
	if (apiKey === '') return { status: 'Error', message: 'Enter the API key' };
	let response: { statusCode: number; body: unknown };
	try {
		// Credential tests only get the legacy request helper.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = (await this.helpers.request({
			method: 'POST',
			uri: baseUrl,
			headers: { Authorization: apiKey, 'Content-Type': 'application/json' },
			body: { Function: 'GetUser', Parameters: {} },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		const code =
			(error as { code?: string; cause?: { code?: string } }).code ??
			(error as { cause?: { code?: string } }).cause?.code;
		return { status: 'Error', message: `Could not reach ${baseUrl}${code ? ` (${code})` : ''}` };
	}
	const lacrmError = readLacrmError(response.body);
	if (lacrmError) {
		return { status: 'Error', message: `LACRM: ${redact(lacrmError.ErrorDescription, secrets)}` };
	}
	if (response.statusCode < 200 || response.statusCode >= 300) {
		return { status: 'Error', message: `LACRM answered HTTP ${response.statusCode}` };
	}
	const user = (response.body ?? {}) as IDataObject;
	const name = `${String(user.FirstName ?? '')} ${String(user.LastName ?? '')}`.trim();
	return { status: 'OK', message: name ? `Connected as ${name}` : 'Connection successful' };
}
