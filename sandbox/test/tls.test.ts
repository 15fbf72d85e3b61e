import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../index';
import { throwAwayCa } from '../tls';

/** The `tls` option: the sandbox serves HTTPS with a given certificate (the bench's HTTPS mode). */

it('serves the API over HTTPS: a client that trusts the CA gets answers, one that does not is refused', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lacrm-sandbox-tls-'));
	try {
		const certificates = throwAwayCa(dir);
		const sandbox = await startSandbox({
			tls: {
				cert: fs.readFileSync(certificates.cert, 'utf8'),
				key: fs.readFileSync(certificates.key, 'utf8'),
			},
		});
		try {
			expect(sandbox.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v2\/$/);
			const send = (ca?: Buffer) =>
				new Promise<number>((resolve, reject) => {
					const req = https.request(
						sandbox.apiUrl,
						{
							method: 'POST',
							headers: { Authorization: sandbox.apiKey, 'Content-Type': 'application/json' },
							...(ca ? { ca } : {}),
						},
						(res) => {
							res.resume();
							res.on('end', () => resolve(res.statusCode ?? 0));
						},
					);
					req.on('error', reject);
					req.end('{"Function":"GetUser"}');
				});
			expect(await send(fs.readFileSync(certificates.ca))).toBe(200);
			// Without the CA the certificate is not trusted: a real TLS handshake, not plain HTTP.
			await expect(send()).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
		} finally {
			await sandbox.stop();
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
