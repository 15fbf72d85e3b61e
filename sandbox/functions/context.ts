import type { Store, User } from '../store';
import { ApiError } from '../core/errors';

/**
 * Typed access to validated parameters. The generic validator has already coerced types, so these
 * accessors only narrow; `has` distinguishes "omitted" (leave unchanged) from `null` (clear).
 */
export class Params {
	constructor(readonly values: Record<string, unknown>) {}

	has(name: string): boolean {
		return this.values[name] !== undefined;
	}

	isNull(name: string): boolean {
		return this.values[name] === null;
	}

	raw(name: string): unknown {
		return this.values[name];
	}

	str(name: string): string | undefined {
		const v = this.values[name];
		return typeof v === 'string' ? v : undefined;
	}

	num(name: string): number | undefined {
		const v = this.values[name];
		return typeof v === 'number' ? v : undefined;
	}

	bool(name: string): boolean | undefined {
		const v = this.values[name];
		return typeof v === 'boolean' ? v : undefined;
	}

	strings(name: string): string[] | undefined {
		const v = this.values[name];
		return Array.isArray(v) ? (v as string[]) : undefined;
	}

	array(name: string): unknown[] | undefined {
		const v = this.values[name];
		return Array.isArray(v) ? v : undefined;
	}

	/** A parameter the spec marks required; the validator guarantees it is present. */
	req(name: string): string {
		const v = this.values[name];
		if (typeof v !== 'string')
			throw new ApiError(`missing-parameter:${name}`, `'${name}' parameter is required.`);
		return v;
	}
}

export interface UploadedFile {
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface CallContext {
	fn: string;
	user: User;
	p: Params;
	/** Parameters the spec does not list: custom-field values for the functions that accept them. */
	extras: Record<string, unknown>;
	store: Store;
	/** Sandbox clock at the start of the call; every timestamp the call writes uses it. */
	now: number;
	upload?: UploadedFile;
	/** GetContactsById and unknown ids: leave them out, or reject the call (SandboxOptions). */
	unknownIdsInBulkReads: 'omit' | 'reject';
	/** Queue a webhook event; it is delivered after the API response has been sent. */
	emit(event: string, payload: Record<string, unknown>): void;
	/** Issue a download link for a stored file, valid 5 minutes on the sandbox clock. */
	issueFileUrl(fileId: string): string;
	/** The X-Hook-Secret handshake with a webhook endpoint; resolves to the agreed secret. */
	handshake(endpointUrl: string, webhookId: string): Promise<string>;
}

export type Handler = (ctx: CallContext) => unknown;
export type HandlerTable = Record<string, Handler>;

/** Edit and delete functions answer with an empty object (REFERENCE §3 recommendation). */
export const NOTHING: Readonly<Record<string, never>> = Object.freeze({});
