import * as http from 'node:http';
import * as https from 'node:https';

/** Thrown by readBody when a request exceeds its size limit. */
export class BodyTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`Request body is larger than ${limit} bytes`);
	}
}

export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let failed = false;
		req.on('data', (chunk: Buffer) => {
			if (failed) return;
			size += chunk.length;
			if (size > limit) {
				failed = true;
				chunks.length = 0;
				reject(new BodyTooLargeError(limit));
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			if (!failed) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
		});
		req.on('error', (err) => {
			if (!failed) {
				failed = true;
				reject(err);
			}
		});
	});
}

export function sendJson(
	res: http.ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export function sendText(
	res: http.ServerResponse,
	status: number,
	text: string,
	contentType = 'text/plain; charset=utf-8',
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export interface HttpResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

export interface HttpRequestOptions {
	method?: string;
	headers?: Record<string, string | number>;
	body?: string | Buffer;
	timeoutMs?: number;
	signal?: AbortSignal;
}

/** A minimal HTTP(S) client (node:http, so it behaves the same under jest, tsx and plain node). */
export function httpRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
	const target = new URL(url);
	const lib = target.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = lib.request(
			target,
			{
				method: options.method ?? 'GET',
				headers: options.headers,
				agent: false,
				signal: options.signal,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks),
					}),
				);
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		if (options.timeoutMs) {
			req.setTimeout(options.timeoutMs, () =>
				req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
			);
		}
		if (options.body !== undefined) req.write(options.body);
		req.end();
	});
}

export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
	const v = headers[name.toLowerCase()];
	return Array.isArray(v) ? v[0] : v;
}
