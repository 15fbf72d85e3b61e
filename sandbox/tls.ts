/**
 * A throw-away certificate authority for serving the sandbox over HTTPS (the bench's HTTPS mode and
 * the sandbox's own TLS test): made now with openssl in a folder the caller owns and deletes, so no
 * key is ever kept or committed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A CA and a certificate for 127.0.0.1 signed by it, made now with openssl; nothing is kept. */
export function throwAwayCa(dir: string): { ca: string; cert: string; key: string } {
	const file = (name: string) => path.join(dir, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
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
		'/CN=LACRM bench CA',
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
	return { ca: file('ca.pem'), cert: file('server.pem'), key: file('server.key') };
}
