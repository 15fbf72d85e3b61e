/**
 * The refresh gate: within this n8n process, an LACRM refresh token is used at most once.
 *
 * LACRM refresh tokens are single-use; a second use is treated as an attack and can revoke the
 * user's whole connection. n8n before n8n-core 2.30 has no refresh lock: two requests that both see
 * an expired token both refresh with the same refresh token. So every OAuth2 request goes through
 * a per-credential lane:
 *
 *  - while the access token may be expired, requests take the lane EXCLUSIVELY — one in flight, so
 *    at most one of them can discover the expiry and refresh;
 *  - when the token is provably fresh (n8n recorded its expiry, or this process just refreshed
 *    it), requests SHARE the lane and run concurrently;
 *  - a refresh always happens under the exclusive lock, and only if the stored access token is
 *    still the one that failed (someone ahead in the queue may already have refreshed it).
 *
 * The lane is module state, so it is shared by every node and every execution in the process.
 * Across processes (queue mode) only n8n >= 2.30 coordinates refreshes; the README says so.
 */

/** A token counts as fresh only if it stays valid at least this long. */
const FRESH_MARGIN_MS = 5 * 60 * 1000;

type Release = () => void;

interface Waiter {
	exclusive: boolean;
	grant: () => void;
}

export class CredentialLane {
	private sharedHolders = 0;

	private exclusiveHeld = false;

	private readonly waiting: Waiter[] = [];

	/** The access token this process knows to be fresh (by fingerprint), and until when. */
	private knownFresh?: { fingerprint: string; until: number };

	acquire(exclusive: boolean): Promise<Release> {
		return new Promise((resolve) => {
			this.waiting.push({
				exclusive,
				grant: () => resolve(this.releaser(exclusive)),
			});
			this.pump();
		});
	}

	/** Is this access token known to stay valid for a while? */
	isFresh(fingerprint: string | undefined, expiresAt: number | undefined, now: number): boolean {
		if (!fingerprint) return false;
		if (expiresAt !== undefined && expiresAt - now > FRESH_MARGIN_MS) return true;
		const known = this.knownFresh;
		return (
			known !== undefined &&
			known.fingerprint === fingerprint &&
			known.until - now > FRESH_MARGIN_MS
		);
	}

	markRefreshed(fingerprint: string, until: number): void {
		this.knownFresh = { fingerprint, until };
	}

	private releaser(exclusive: boolean): Release {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			if (exclusive) this.exclusiveHeld = false;
			else this.sharedHolders--;
			this.pump();
		};
	}

	/** Grants waiters in arrival order; a waiting exclusive request blocks later shared ones. */
	private pump(): void {
		while (this.waiting.length > 0) {
			const next = this.waiting[0];
			if (this.exclusiveHeld) return;
			if (next.exclusive) {
				if (this.sharedHolders > 0) return;
				this.exclusiveHeld = true;
			} else {
				this.sharedHolders++;
			}
			this.waiting.shift();
			next.grant();
		}
	}
}

export class RefreshGate {
	/**
	 * Off only in tests that demonstrate what happens without the gate: requests then go straight
	 * to n8n, which refreshes on a 401 with no coordination at all.
	 */
	enabled = true;

	private readonly lanes = new Map<string, CredentialLane>();

	lane(credentialKey: string): CredentialLane {
		let lane = this.lanes.get(credentialKey);
		if (!lane) {
			lane = new CredentialLane();
			this.lanes.set(credentialKey, lane);
		}
		return lane;
	}

	/** Forget everything (tests). */
	reset(): void {
		this.lanes.clear();
		this.enabled = true;
	}
}

export const refreshGate = new RefreshGate();
