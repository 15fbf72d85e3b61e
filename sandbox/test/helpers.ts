import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRequest, type HttpResponse } from '../core/http';
import type { Sandbox } from '../index';

/** Shared helpers for the sandbox's own tests. */

/** A LACRM answer body, read the way each test needs it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

/** A LACRM call that must succeed: its body, or an error naming the function and the answer. */
export async function callOk(
	sandbox: Sandbox,
	fn: string,
	params: object = {},
	auth: { apiKey?: string } = {},
): Promise<Body> {
	const res = await sandbox.call(fn, params, auth);
	if (res.status !== 200)
		throw new Error(`${fn} failed: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
}

/** CreateContact's parameters for a person (not a company) owned by the admin. */
export const person = (Name: string, more: object = {}) => ({
	IsCompany: false,
	AssignedTo: '100001',
	Name,
	...more,
});

/** CreateEvent's parameters: a name and a window, and any others. */
export const eventParams = (
	Name: string,
	StartDate: string,
	EndDate: string,
	more: object = {},
) => ({
	Name,
	StartDate,
	EndDate,
	...more,
});

/** The seven webhook events LACRM documents, in the order its Webhooks page lists them. */
export const DOCUMENTED_EVENTS = [
	'Contact.Create',
	'Event.Create',
	'Event.Update',
	'Event.Delete',
	'GroupMembership.Create',
	'PipelineItemStatus.Create',
	'PipelineItemStatus.Update',
];

export const ERROR_CODE_RE = /^[a-z0-9]{16}$/;
export const UID_RE = /^\d{31}$/;

export function expectLacrmError(
	res: { status: number; body: unknown },
	status: number,
	descriptionPattern?: RegExp | string,
): void {
	expect(res.status).toBe(status);
	const body = res.body as { ErrorCode?: unknown; ErrorDescription?: unknown };
	expect(typeof body.ErrorCode).toBe('string');
	expect(body.ErrorCode).toMatch(ERROR_CODE_RE);
	expect(typeof body.ErrorDescription).toBe('string');
	if (descriptionPattern !== undefined) expect(body.ErrorDescription).toMatch(descriptionPattern);
}

export interface ReceivedHook {
	headers: http.IncomingHttpHeaders;
	raw: Buffer;
	body: Record<string, unknown>;
}

export interface HookReceiver {
	url: string;
	/** Secret received in the handshake (if echoed). */
	secret: string | null;
	handshakes: number;
	deliveries: ReceivedHook[];
	/** Status to answer deliveries with (default 200); a list is used up one status per delivery first. */
	deliveryStatus: number;
	statusSequence: number[];
	/** Delay before answering a delivery. */
	delayMs: number;
	close(): Promise<void>;
}

/**
 * A local webhook endpoint. `echo: false` answers the handshake without echoing X-Hook-Secret;
 * `handshakeStatus` overrides the handshake's status.
 */
export async function startHookReceiver(
	opts: { echo?: boolean; handshakeStatus?: number; wrongSecret?: boolean } = {},
): Promise<HookReceiver> {
	const receiver: HookReceiver = {
		url: '',
		secret: null,
		handshakes: 0,
		deliveries: [],
		deliveryStatus: 200,
		statusSequence: [],
		delayMs: 0,
		close: async () => undefined,
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const secret = req.headers['x-hook-secret'];
			if (typeof secret === 'string') {
				receiver.handshakes++;
				const headers: Record<string, string> = {};
				if (opts.echo !== false) {
					receiver.secret = secret;
					headers['X-Hook-Secret'] = opts.wrongSecret ? secret + 'x' : secret;
				}
				res.writeHead(opts.handshakeStatus ?? 200, headers);
				res.end();
				return;
			}
			receiver.deliveries.push({
				headers: req.headers,
				raw,
				body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
			});
			const status = receiver.statusSequence.shift() ?? receiver.deliveryStatus;
			setTimeout(() => {
				res.writeHead(status);
				res.end();
			}, receiver.delayMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	receiver.close = () =>
		new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return receiver;
}

export function hmacHex(secret: string, raw: Buffer): string {
	return createHmac('sha256', secret).update(raw).digest('hex');
}

export function basicAuth(id: string, secret: string): string {
	return 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');
}

export interface JsonResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Record<string, unknown>;
	text: string;
}

function toJson(res: HttpResponse): JsonResponse {
	const text = res.body.toString('utf8');
	let body: Record<string, unknown> = {};
	try {
		body = JSON.parse(text) as Record<string, unknown>;
	} catch {
		// leave {}
	}
	return { status: res.status, headers: res.headers, body, text };
}

/** POST to the token endpoint as JSON or as a form (what n8n sends). */
export async function postToken(
	url: string,
	params: Record<string, string>,
	opts: { format?: 'json' | 'form'; authorization?: string | null } = {},
): Promise<JsonResponse> {
	const format = opts.format ?? 'json';
	const headers: Record<string, string> = {
		'Content-Type': format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
	};
	if (opts.authorization !== null && opts.authorization !== undefined)
		headers.Authorization = opts.authorization;
	const body = format === 'json' ? JSON.stringify(params) : new URLSearchParams(params).toString();
	return toJson(await httpRequest(url, { method: 'POST', headers, body }));
}

export async function rawPost(
	url: string,
	body: string | Buffer,
	headers: Record<string, string>,
): Promise<JsonResponse> {
	return toJson(await httpRequest(url, { method: 'POST', headers, body }));
}

export async function getJson(url: string): Promise<JsonResponse> {
	return toJson(await httpRequest(url));
}

/** A multipart/form-data body with text fields and one file part. */
export function multipartBody(
	fields: Record<string, string>,
	file?: { name: string; filename: string; contentType: string; data: Buffer },
): { body: Buffer; contentType: string } {
	const boundary = '----sandboxtest' + Math.random().toString(16).slice(2);
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
			),
		);
	}
	if (file) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			),
		);
		parts.push(file.data);
		parts.push(Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
