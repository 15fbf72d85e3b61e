import { DEFAULT_API_BASE_URL } from '../transport/credentials';

/**
 * LACRM only accepts an `https://` EndpointUrl for a webhook. Against LACRM itself an http URL
 * is refused here, before any request, with an explanation; against another API Base URL (the
 * local sandbox, a proxy) http stays allowed, so local development keeps working.
 */

const LACRM_HOST = new URL(DEFAULT_API_BASE_URL).hostname;

/** Whether a credential's API Base URL is LACRM's own API (empty = the default, LACRM). */
function isLacrmApi(baseUrl: unknown): boolean {
	const text =
		typeof baseUrl === 'string' && baseUrl.trim() !== '' ? baseUrl.trim() : DEFAULT_API_BASE_URL;
	try {
		const host = new URL(text).hostname.toLowerCase();
		return host === LACRM_HOST || host.endsWith('.lessannoyingcrm.com');
	} catch {
		return false;
	}
}

/** True when LACRM would refuse this endpoint: http against LACRM's own API. */
export function lacrmRefusesEndpoint(endpointUrl: string, baseUrl: unknown): boolean {
	return /^http:/i.test(endpointUrl.trim()) && isLacrmApi(baseUrl);
}

/** What to do about it in the trigger: n8n's webhook URL comes from its base URL. */
export const TRIGGER_HTTPS_HELP =
	"LACRM only delivers webhooks to https:// URLs, and it must reach n8n over the internet: n8n's webhook URL has to be a public https address. Set the WEBHOOK_URL environment variable (N8N_WEBHOOK_URL in n8n 2.x) to it, e.g. https://n8n.example.com/, and restart n8n. Without a public https URL, use the Less Annoying CRM Polling Trigger.";
