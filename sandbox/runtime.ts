import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CallBarriers } from './barriers';
import { Clock } from './core/clock';
import { randomToken } from './core/ids';
import { sendJson, sendText } from './core/http';
import { handleApi } from './api';
import { handleControl } from './control';
import { Counters } from './counters';
import { FaultInjector } from './faults';
import { OAuthServer, type OAuthConfig } from './oauth';
import { ADMIN_USER_ID, SEED_USERS, seedDemo, seedUsers } from './seed';
import { Store } from './store';
import type { SandboxOptions, WebhookRetryOptions } from './types';
import { DEFAULT_WEBHOOK_RETRY, WebhookEngine } from './webhookDelivery';

/** How long a GetFile FileUrl stays valid (REFERENCE §10). */
export const FILE_URL_TTL_MS = 5 * 60 * 1000;

export const DEFAULTS = {
	host: '127.0.0.1',
	clientId: 'lacrm-sandbox-client',
	clientSecret: 'lacrm-sandbox-secret',
	redirectUrl: 'http://localhost:5678/rest/oauth2-credential/callback',
	apiKey: 'lacrm-sandbox-api-key',
	accessTokenTtlSeconds: 3600,
	refreshTokenTtlSeconds: 30 * 24 * 3600,
	randomSeed: 1,
} as const;

export interface ResolvedOptions {
	port: number;
	host: string;
	clientId: string;
	clientSecret: string;
	redirectUrl: string;
	apiKey: string;
	accessTokenTtlSeconds: number;
	refreshTokenTtlSeconds: number;
	tokenEndpointJsonOnly: boolean;
	expiredTokenStatus: 401 | 400;
	consent: 'auto' | 'page';
	seed: 'demo' | 'empty';
	randomSeed: number;
	webhookRetry: Required<WebhookRetryOptions>;
	requireHttpsWebhooks: boolean;
	unknownIdsInBulkReads: 'omit' | 'reject';
	tls?: { cert: string; key: string };
	quiet: boolean;
}

function resolveOptions(o: SandboxOptions): ResolvedOptions {
	const positive = (name: string, v: number | undefined, fallback: number): number => {
		if (v === undefined) return fallback;
		if (typeof v !== 'number' || !(v > 0)) throw new TypeError(`${name} must be a positive number`);
		return v;
	};
	if (
		o.expiredTokenStatus !== undefined &&
		o.expiredTokenStatus !== 401 &&
		o.expiredTokenStatus !== 400
	)
		throw new TypeError('expiredTokenStatus must be 401 or 400');
	if (o.consent !== undefined && o.consent !== 'auto' && o.consent !== 'page')
		throw new TypeError("consent must be 'auto' or 'page'");
	if (o.seed !== undefined && o.seed !== 'demo' && o.seed !== 'empty')
		throw new TypeError("seed must be 'demo' or 'empty'");
	if (
		o.unknownIdsInBulkReads !== undefined &&
		o.unknownIdsInBulkReads !== 'omit' &&
		o.unknownIdsInBulkReads !== 'reject'
	)
		throw new TypeError("unknownIdsInBulkReads must be 'omit' or 'reject'");
	const retry = { ...DEFAULT_WEBHOOK_RETRY, ...(o.webhookRetry ?? {}) };
	if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1)
		throw new TypeError('webhookRetry.maxAttempts must be an integer >= 1');
	if (!(retry.baseDelayMs >= 0)) throw new TypeError('webhookRetry.baseDelayMs must be >= 0');
	return {
		port: o.port ?? 0,
		host: o.host ?? DEFAULTS.host,
		clientId: o.clientId ?? DEFAULTS.clientId,
		clientSecret: o.clientSecret ?? DEFAULTS.clientSecret,
		redirectUrl: o.redirectUrl ?? DEFAULTS.redirectUrl,
		apiKey: o.apiKey ?? DEFAULTS.apiKey,
		accessTokenTtlSeconds: positive(
			'accessTokenTtlSeconds',
			o.accessTokenTtlSeconds,
			DEFAULTS.accessTokenTtlSeconds,
		),
		refreshTokenTtlSeconds: positive(
			'refreshTokenTtlSeconds',
			o.refreshTokenTtlSeconds,
			DEFAULTS.refreshTokenTtlSeconds,
		),
		tokenEndpointJsonOnly: o.tokenEndpointJsonOnly ?? false,
		expiredTokenStatus: o.expiredTokenStatus ?? 401,
		consent: o.consent ?? 'auto',
		seed: o.seed ?? 'demo',
		randomSeed: o.randomSeed ?? DEFAULTS.randomSeed,
		webhookRetry: retry,
		requireHttpsWebhooks: o.requireHttpsWebhooks ?? false,
		unknownIdsInBulkReads: o.unknownIdsInBulkReads ?? 'omit',
		tls: o.tls,
		quiet: o.quiet ?? true,
	};
}

/**
 * Everything one running sandbox owns: options, clock, data, OAuth state, faults, counters,
 * webhook deliveries and the HTTP server that routes requests to them.
 */
export class SandboxRuntime {
	readonly options: ResolvedOptions;
	readonly clock = new Clock();
	readonly counters = new Counters();
	readonly faults: FaultInjector;
	readonly barriers = new CallBarriers();
	readonly oauth: OAuthServer;
	readonly webhooks: WebhookEngine;
	/** API key → UserId. Users are the same after every reset, so keys survive resets. */
	readonly apiKeys = new Map<string, string>();
	store: Store;
	url = '';
	private readonly server: http.Server;

	constructor(options: SandboxOptions = {}) {
		this.options = resolveOptions(options);
		const log = (message: string): void => this.log(message);
		this.faults = new FaultInjector(this.options.randomSeed, options.faults);
		const oauthConfig: OAuthConfig = {
			clientId: this.options.clientId,
			clientSecret: this.options.clientSecret,
			redirectUrl: this.options.redirectUrl,
			accessTokenTtlSeconds: this.options.accessTokenTtlSeconds,
			refreshTokenTtlSeconds: this.options.refreshTokenTtlSeconds,
			tokenEndpointJsonOnly: this.options.tokenEndpointJsonOnly,
			consent: this.options.consent,
		};
		this.oauth = new OAuthServer({
			config: oauthConfig,
			clock: this.clock,
			counters: this.counters,
			faults: this.faults,
			defaultUserId: () => ADMIN_USER_ID,
			userExists: (id) => this.store.users.has(id),
			log,
		});
		this.webhooks = new WebhookEngine({
			clock: this.clock,
			counters: this.counters,
			retry: this.options.webhookRetry,
			requireHttps: this.options.requireHttpsWebhooks,
			log,
		});
		this.store = this.buildStore();
		for (const u of SEED_USERS) this.apiKeys.set(this.apiKeyFor(u.UserId), u.UserId);
		const handler: http.RequestListener = (req, res) => {
			this.route(req, res).catch((err: unknown) => {
				this.log(`unhandled error: ${(err as Error).stack ?? String(err)}`);
				if (!res.headersSent)
					sendJson(res, 500, { error: 'internal_error', error_description: String(err) });
				else res.destroy();
			});
		};
		this.server = this.options.tls
			? https.createServer(this.options.tls, handler)
			: http.createServer(handler);
		this.server.keepAliveTimeout = 30_000;
	}

	get quiet(): boolean {
		return this.options.quiet;
	}

	log(message: string): void {
		if (!this.options.quiet) process.stderr.write(`[lacrm-sandbox] ${message}\n`);
	}

	private buildStore(): Store {
		const store = new Store(this.options.randomSeed);
		seedUsers(store);
		if (this.options.seed === 'demo') seedDemo(store, this.clock.now());
		return store;
	}

	/** Back to the seeded account. Faults, counters, the clock and OAuth grants are kept. */
	reset(): void {
		this.webhooks.cancelAll();
		this.store = this.buildStore();
	}

	/** The main key belongs to the admin; other users' keys are derived from it. */
	apiKeyFor(userId: string): string {
		if (!SEED_USERS.some((u) => u.UserId === userId))
			throw new Error(
				`apiKeyFor: no user ${userId} (users: ${SEED_USERS.map((u) => u.UserId).join(', ')})`,
			);
		return userId === ADMIN_USER_ID ? this.options.apiKey : `${this.options.apiKey}-${userId}`;
	}

	issueFileUrl(fileId: string): string {
		const token = randomToken(24);
		this.store.fileLinks.set(token, {
			FileId: fileId,
			ExpiresAt: this.clock.now() + FILE_URL_TTL_MS,
		});
		return `${this.url}/files/${token}`;
	}

	async listen(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			const onError = (err: Error): void => reject(err);
			this.server.once('error', onError);
			this.server.listen(this.options.port, this.options.host, () => {
				this.server.off('error', onError);
				resolve();
			});
		});
		const address = this.server.address() as AddressInfo;
		const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
		this.url = `${this.options.tls ? 'https' : 'http'}://${host}:${address.port}`;
	}

	async stop(): Promise<void> {
		this.webhooks.cancelAll();
		this.barriers.releaseAll();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const path = url.pathname;
		if (path === '/v2/' || path === '/v2') return handleApi(this, req, res, url);
		if (path === '/oauth/token.php') return this.oauth.handleToken(req, res);
		if (path === '/oauth/authorize.php') return this.oauth.handleAuthorize(req, res, url);
		if (path.startsWith('/files/'))
			return this.serveFile(req, res, decodeURIComponent(path.slice('/files/'.length)));
		if (path.startsWith('/_sandbox/')) return handleControl(this, req, res, url);
		if (path === '/' && req.method === 'GET') {
			sendJson(res, 200, {
				name: 'LACRM sandbox',
				apiUrl: `${this.url}/v2/`,
				authorizeUrl: `${this.url}/oauth/authorize.php`,
				tokenUrl: `${this.url}/oauth/token.php`,
				control: `${this.url}/_sandbox/state`,
			});
			return;
		}
		sendJson(res, 404, { error: 'not_found', error_description: `Nothing at ${path}.` });
	}

	/** FileUrl downloads: the stored bytes and content type, 403 once the 5 minutes are over. */
	private serveFile(req: http.IncomingMessage, res: http.ServerResponse, token: string): void {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			sendText(res, 405, 'Method not allowed\n');
			return;
		}
		const link = this.store.fileLinks.get(token);
		if (!link) {
			sendText(res, 404, 'No such file link.\n');
			return;
		}
		if (this.clock.now() >= link.ExpiresAt) {
			sendText(res, 403, 'This file link has expired; call GetFile again for a new FileUrl.\n');
			return;
		}
		const file = this.store.files.get(link.FileId);
		if (!file) {
			sendText(res, 404, 'The file no longer exists.\n');
			return;
		}
		res.writeHead(200, {
			'Content-Type': file.FileType,
			'Content-Length': file.Bytes.length,
			'Content-Disposition': `attachment; filename="${file.FileName.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.FileName)}`,
		});
		res.end(req.method === 'HEAD' ? undefined : file.Bytes);
	}
}
