/**
 * Records which LACRM functions this test file's requests reached — as nock or the sandbox received
 * them, not as the test's text names them — for the run-wide check in globalTeardown.js.
 * Runs in every unit and engine test file (setupFilesAfterEnv), in that file's module registry, so
 * the nock and sandbox modules patched here are the ones the test file uses.
 */
import { randomUUID } from 'crypto';
import { writeFileSync } from 'fs';
import { join } from 'path';

import { Counters } from '../../sandbox/counters';
import * as sandboxModule from '../../sandbox';

const received = new Map<string, number>();
const count = (fn: string, by: number) => received.set(fn, (received.get(fn) ?? 0) + by);

/** The Function of a LACRM call body: JSON `{"Function": …}` or a multipart part named Function. */
function functionOf(body: string): string | undefined {
	try {
		const parsed = JSON.parse(body) as { Function?: unknown };
		if (typeof parsed?.Function === 'string') return parsed.Function;
	} catch {
		const part = /name="Function"\r?\n\r?\n([^\r\n]+)/.exec(body);
		if (part) return part[1].trim();
	}
	return undefined;
}

// nock: every interceptor that matches a request emits 'request' on its scope with the body.
const { Scope } = jest.requireActual<{
	Scope: { prototype: { emit: (event: string, ...args: unknown[]) => boolean } };
}>('nock/lib/scope');
const emitOnScope = Scope.prototype.emit;
Scope.prototype.emit = function (event: string, ...args: unknown[]) {
	if (event === 'request' && typeof args[2] === 'string') {
		const fn = functionOf(args[2]);
		if (fn) count(fn, 1);
	}
	return emitOnScope.call(this, event, ...args);
};

// The sandbox counts every /v2/ call it receives; a test's own sandbox.call() (seeding, checking
// the sandbox's state) is not a request of the node, so it is taken off again.
const countCall = Counters.prototype.countCall;
Counters.prototype.countCall = function (fn: string) {
	count(fn, 1);
	return countCall.call(this, fn);
};
const startSandbox = sandboxModule.startSandbox;
(sandboxModule as { startSandbox: typeof startSandbox }).startSandbox = async (...args) => {
	const sandbox = await startSandbox(...args);
	const call = sandbox.call;
	sandbox.call = async (fn, ...rest) => {
		count(fn, -1);
		return await call(fn, ...rest);
	};
	return sandbox;
};

afterAll(() => {
	const dir = process.env.LACRM_COVERAGE_DIR;
	if (!dir) return;
	const functions = [...received].filter(([, n]) => n > 0).map(([fn]) => fn);
	writeFileSync(
		join(dir, `${randomUUID()}.json`),
		JSON.stringify({ testPath: expect.getState().testPath, functions }),
	);
});
