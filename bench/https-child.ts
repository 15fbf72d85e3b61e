/**
 * (h) HTTPS: run in a child process started with NODE_EXTRA_CA_CERTS (read by Node only at start)
 * so that n8n's request helper and the bare loops trust the bench's throw-away CA. Measures Note →
 * Get one call per item through the node (n8n opens a connection per request: TCP + TLS each time)
 * vs a bare keep-alive HTTPS loop and a bare loop that also connects per call.
 */
import './env';

import type * as http from 'node:http';

import { shutdownEngine } from '../test/harness/engine';
import { byId, countingConnections, noKeepAliveTls, round, runLacrm, timed } from './lib';
import { apiKeyCredentials, post } from './lib';

export interface HttpsChildResult {
	type: 'result';
	calls: number;
	nodeMsPerCall: number;
	bareKeepAliveMsPerCall: number;
	bareNewConnectionMsPerCall: number;
	connections: { node: number; bareKeepAlive: number; bareNewConnection: number };
}

async function main(): Promise<void> {
	const apiUrl = process.env.BENCH_SANDBOX_API_URL!;
	const apiKey = process.env.BENCH_SANDBOX_API_KEY!;
	const noteIds = JSON.parse(process.env.BENCH_NOTE_IDS!) as string[];
	const sandbox = { apiUrl, apiKey };
	const items = noteIds.map((noteId) => ({ noteId }));
	const parameters = {
		resource: 'note',
		operation: 'get',
		noteId: byId('={{ $json.noteId }}'),
		options: { concurrency: 1 },
	};
	const bare = (agent?: http.Agent) => async () => {
		for (const item of items) {
			const answer = await post(
				apiUrl,
				{ Function: 'GetNote', Parameters: { NoteId: item.noteId } },
				{ Authorization: apiKey },
				agent,
			);
			if (answer.status !== 200) throw new Error(`GetNote: HTTP ${answer.status}`);
		}
	};
	const credentials = apiKeyCredentials(sandbox);
	await runLacrm(credentials, parameters, items.slice(0, 5)); // warm-up
	await bare()();
	const node = await countingConnections(() =>
		timed(() => runLacrm(credentials, parameters, items)),
	);
	const keepAlive = await countingConnections(() => timed(bare()));
	const fresh = await countingConnections(() => timed(bare(noKeepAliveTls)));
	const result: HttpsChildResult = {
		type: 'result',
		calls: items.length,
		nodeMsPerCall: round(node.value.ms / items.length, 2),
		bareKeepAliveMsPerCall: round(keepAlive.value.ms / items.length, 2),
		bareNewConnectionMsPerCall: round(fresh.value.ms / items.length, 2),
		connections: {
			node: node.connections,
			bareKeepAlive: keepAlive.connections,
			bareNewConnection: fresh.connections,
		},
	};
	process.send!(result);
	shutdownEngine();
}

main().catch((error: unknown) => {
	process.stderr.write(`[bench https] ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
