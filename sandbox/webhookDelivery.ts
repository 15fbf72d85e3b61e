import { createHmac, randomBytes } from 'node:crypto';
import { ApiError } from './core/errors';
import { formatDateTime } from './core/dates';
import { headerValue, httpRequest } from './core/http';
import type { Clock } from './core/clock';
import type { Counters } from './counters';
import type { Store, Webhook } from './store';
import type { WebhookRetryOptions } from './types';

export interface EmittedEvent {
	event: string;
	payload: Record<string, unknown>;
}

export const DEFAULT_WEBHOOK_RETRY: Required<WebhookRetryOptions> = {
	maxAttempts: 5,
	baseDelayMs: 1000,
	timeoutMs: 10_000,
};

const USER_AGENT = 'LACRM-Sandbox-Webhooks/1.0';

/**
 * Webhook handshake and delivery (REFERENCE §13). Deliveries are signed POSTs
 * (`X-Hook-Signature` = lowercase hex HMAC-SHA256 of the raw body, keyed with the handshake
 * secret), sent after the API call that caused them has answered. Events for one webhook are
 * delivered in order; a failed delivery is retried with exponential back-off on real timers, and
 * when a delivery exhausts its attempts the webhook is archived and receives nothing more.
 */
export class WebhookEngine {
	private pending = 0;
	private waiters: Array<() => void> = [];
	private chains = new Map<string, Promise<void>>();
	private sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
	/** Bumped by cancelAll(): deliveries of an older generation stop at their next step. */
	private generation = 0;
	/** Aborts the HTTP requests of the current generation, so stop() does not wait for slow endpoints. */
	private abort = new AbortController();

	constructor(
		private readonly deps: {
			clock: Clock;
			counters: Counters;
			retry: Required<WebhookRetryOptions>;
			/** LACRM requires an https EndpointUrl; off by default so local http receivers work. */
			requireHttps?: boolean;
			log: (message: string) => void;
		},
	) {}

	async handshake(endpointUrl: string, webhookId: string): Promise<string> {
		if (this.deps.requireHttps && !/^https:/i.test(endpointUrl)) {
			throw new ApiError(
				'invalid-url:CreateWebhook',
				`'EndpointUrl' must be an https:// URL: ${endpointUrl}`,
			);
		}
		const secret = randomBytes(32).toString('hex');
		const fail = (why: string): never => {
			throw new ApiError(
				'webhook-handshake-failed:CreateWebhook',
				`The webhook handshake with ${endpointUrl} failed: ${why}`,
			);
		};
		let res;
		try {
			res = await httpRequest(endpointUrl, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'User-Agent': USER_AGENT,
					'X-Hook-Secret': secret,
				},
				body: JSON.stringify({ WebhookId: webhookId, Handshake: true }),
				timeoutMs: this.deps.retry.timeoutMs,
			});
		} catch (err) {
			return fail(`could not reach the endpoint (${(err as Error).message}).`);
		}
		if (res.status < 200 || res.status >= 300)
			fail(`the endpoint answered HTTP ${res.status}; it must answer 2xx.`);
		if (headerValue(res.headers, 'x-hook-secret') !== secret)
			fail(`the endpoint did not echo the X-Hook-Secret header.`);
		return secret;
	}

	/** Queue deliveries of the events one action produced; nothing is sent before `gate` resolves. */
	dispatch(
		store: Store,
		events: readonly EmittedEvent[],
		actingUserId: string,
		gate: Promise<void>,
	): void {
		for (const { event, payload } of events) {
			for (const webhook of store.webhooks.values()) {
				if (webhook.DateArchived !== null || !webhook.SubscribedEvents.includes(event)) continue;
				if (webhook.WebhookScope === 'User' && webhook.OwnerUserId !== actingUserId) continue;
				const body = JSON.stringify({ UserId: actingUserId, TriggeringEvent: event, ...payload });
				this.enqueue(store, webhook, event, body, gate);
			}
		}
	}

	private enqueue(
		store: Store,
		webhook: Webhook,
		event: string,
		body: string,
		gate: Promise<void>,
	): void {
		const generation = this.generation;
		this.pending++;
		const previous = this.chains.get(webhook.WebhookId) ?? Promise.resolve();
		const next = previous
			.then(() => gate)
			.then(() => this.deliver(store, webhook, event, body, generation))
			.catch((err: unknown) => this.deps.log(`webhook delivery crashed: ${String(err)}`))
			.finally(() => {
				if (this.chains.get(webhook.WebhookId) === next) this.chains.delete(webhook.WebhookId);
				this.pending--;
				if (this.pending === 0) for (const wake of this.waiters.splice(0)) wake();
			});
		this.chains.set(webhook.WebhookId, next);
	}

	private isLive(store: Store, webhook: Webhook, generation: number): boolean {
		return (
			generation === this.generation &&
			webhook.DateArchived === null &&
			store.webhooks.get(webhook.WebhookId) === webhook
		);
	}

	private async deliver(
		store: Store,
		webhook: Webhook,
		event: string,
		body: string,
		generation: number,
	): Promise<void> {
		const { maxAttempts, baseDelayMs, timeoutMs } = this.deps.retry;
		const signature = createHmac('sha256', webhook.Secret).update(body).digest('hex');
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			if (!this.isLive(store, webhook, generation)) return;
			let status: number | null = null;
			let error: string | undefined;
			try {
				const res = await httpRequest(webhook.EndpointUrl, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						'Content-Length': Buffer.byteLength(body),
						'User-Agent': USER_AGENT,
						'X-Hook-Signature': signature,
					},
					body,
					timeoutMs,
					signal: this.abort.signal,
				});
				status = res.status;
			} catch (err) {
				error = (err as Error).message;
			}
			if (generation !== this.generation) return;
			const ok = status !== null && status >= 200 && status < 300;
			const now = this.deps.clock.now();
			webhook.LastSendDate = now;
			this.deps.counters.delivery({
				webhookId: webhook.WebhookId,
				event,
				attempt,
				status,
				ok,
				...(error ? { error } : {}),
				at: formatDateTime(now),
			});
			if (ok) return;
			this.deps.log(
				`webhook ${webhook.WebhookId} ${event} attempt ${attempt}/${maxAttempts} failed: ${error ?? `HTTP ${status}`}`,
			);
			if (attempt < maxAttempts) await this.sleep(baseDelayMs * 2 ** (attempt - 1));
		}
		if (this.isLive(store, webhook, generation)) {
			webhook.DateArchived = this.deps.clock.now();
			this.deps.log(`webhook ${webhook.WebhookId} archived after ${maxAttempts} failed attempts`);
		}
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const sleeper = {
				timer: setTimeout(() => {
					this.sleepers.delete(sleeper);
					resolve();
				}, ms),
				wake: () => {
					clearTimeout(sleeper.timer);
					this.sleepers.delete(sleeper);
					resolve();
				},
			};
			this.sleepers.add(sleeper);
		});
	}

	/** Resolves when every queued delivery, retries included, has finished. */
	flush(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	/** Drop every pending delivery and retry (reset, stop). */
	cancelAll(): void {
		this.generation++;
		this.abort.abort();
		this.abort = new AbortController();
		for (const s of [...this.sleepers]) s.wake();
	}
}
