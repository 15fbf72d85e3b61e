import { createHash } from 'node:crypto';

/**
 * An API failure reported as LACRM does: HTTP 400 (unless `status` says otherwise) with
 * `{ErrorCode, ErrorDescription}`. `kind` identifies the situation; the ErrorCode is derived from
 * it so the same mistake always yields the same code (real codes are opaque; REFERENCE §4).
 */
export class ApiError extends Error {
	constructor(
		readonly kind: string,
		message: string,
		readonly status = 400,
	) {
		super(message);
		this.name = 'ApiError';
	}
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const codeCache = new Map<string, string>();

/** 16 lower-case alphanumerics, like the one documented code `4178t6namw3vx9s6`. */
export function errorCode(kind: string): string {
	let code = codeCache.get(kind);
	if (code === undefined) {
		const digest = createHash('sha256').update(kind).digest();
		code = '';
		for (let i = 0; i < 16; i++) code += ALPHABET[digest[i] % 36];
		codeCache.set(kind, code);
	}
	return code;
}

export function errorBody(
	kind: string,
	message: string,
): { ErrorCode: string; ErrorDescription: string } {
	return { ErrorCode: errorCode(kind), ErrorDescription: message };
}

export function notFound(entity: string, idName: string, id: string): ApiError {
	return new ApiError(
		`not-found:${entity}`,
		`No ${entity} was found with ${idName} '${id}' (or you don't have permission to see it).`,
	);
}
