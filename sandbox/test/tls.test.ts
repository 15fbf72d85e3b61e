import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../index';

/** The `tls` option: the sandbox serves HTTPS with a given certificate (the bench's HTTPS mode). */

it('serves the API over HTTPS: a client that trusts the CA gets answers, one that does not is refused', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lacrm-sandbox-tls-'));
	const file = (name: string) => path.join(dir, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
	try {
		openssl(
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			file('ca.key'),
			'-out',
			file('ca.pem'),
			'-days',
			'1',
			'-subj',
			'/CN=test CA',
		);
		openssl(
			'req',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			file('server.key'),
			'-out',
			file('server.csr'),
			'-subj',
			'/CN=127.0.0.1',
		);
		fs.writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
		openssl(
			'x509',
			'-req',
			'-in',
			file('server.csr'),
			'-CA',
			file('ca.pem'),
			'-CAkey',
			file('ca.key'),
			'-CAcreateserial',
			'-out',
			file('server.pem'),
			'-days',
			'1',
			'-extfile',
			file('ext.cnf'),
		);
		const sandbox = await startSandbox({
			tls: {
				cert: fs.readFileSync(file('server.pem'), 'utf8'),
				key: fs.readFileSync(file('server.key'), 'utf8'),
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
			expect(await send(fs.readFileSync(file('ca.pem')))).toBe(200);
			// Without the CA the certificate is not trusted: a real TLS handshake, not plain HTTP.
			await expect(send()).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
		} finally {
			await sandbox.stop();
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
