import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { LacrmClient } from '../transport/client';
import { createClient } from '../transport/client';

/** A client for the node's dropdowns, with whichever credential the node is set to. */
export function clientFor(ctx: ILoadOptionsFunctions): LacrmClient {
	const authentication = ctx.getNodeParameter('authentication', 'apiKey') as string;
	return createClient(ctx, authentication);
}

/** The id picked in another parameter (a resource locator or a plain value), if any. */
export function selectedId(ctx: ILoadOptionsFunctions, parameter: string): string | undefined {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter(parameter, { extractValue: true });
	} catch {
		value = undefined;
	}
	if (value && typeof value === 'object' && 'value' in value)
		value = (value as { value: unknown }).value;
	const text = typeof value === 'string' ? value.trim() : '';
	return /^\d+$/.test(text) ? text : undefined;
}

export function matches(filter: string | undefined, ...texts: Array<string | undefined>): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => text?.toLowerCase().includes(needle));
}
