/**
 * `npm run scan` (= `npm run build && tsx scripts/scan.ts`): n8n's own community-package scanner
 * (`@n8n/scan-community-package`, what n8n runs before it verifies a package) over
 *   1. the source, with the file patterns the scanner uses for a package's source repository
 *      (`package.json`, `{nodes,credentials}/**\/*.{js,ts,json}`), and
 *   2. the contents of the tarball `npm pack` makes, with the patterns it uses for the published
 *      package (`**\/*.js`, `package.json`).
 * Both through the package's exported `analyzePackage`, which lints with inline configuration
 * disabled: an `eslint-disable` comment silences nothing here. Its command line would do the same
 * after downloading the published package and its attested source, which needs the network.
 * Exits 1 on any finding, or when the tarball lacks a file of the `n8n` block.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { extractTarball, missingFromTarball, packPackage, ROOT } from './pack';

interface AnalysisResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(directory: string, filePatterns: string[]): Promise<AnalysisResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** The scanner's command line lints the published tarball with exactly these patterns. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

// A variable, so TypeScript leaves the ESM-only module (no type declarations) to Node.
const SCANNER_MODULE = '@n8n/scan-community-package/scanner/scanner.mjs';

function report(label: string, result: AnalysisResult): boolean {
	if (result.passed) {
		process.stdout.write(`✓ ${label}: no findings\n`);
		return true;
	}
	process.stdout.write(`✗ ${label}: ${result.message ?? 'failed'}\n${result.details ?? ''}\n`);
	return false;
}

async function main(): Promise<number> {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-lacrm-scan-'));
	try {
		// The scanner makes a temporary folder when it is loaded and never removes it: make it
		// inside ours, which is removed below.
		const tmpdir = process.env.TMPDIR;
		process.env.TMPDIR = fs.mkdtempSync(path.join(work, 'scanner-'));
		const scanner = (await import(SCANNER_MODULE)) as Scanner;
		if (tmpdir === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = tmpdir;

		const sourceOk = report(
			'source',
			await scanner.analyzePackage(ROOT, scanner.SOURCE_FILE_PATTERNS),
		);

		const packed = packPackage(path.join(work, 'pack'));
		const missing = missingFromTarball(packed);
		if (missing.length > 0) {
			process.stdout.write(
				`✗ tarball ${path.basename(packed.tarball)} lacks ${missing.join(', ')} (run \`npm run build\` first)\n`,
			);
			return 1;
		}
		const unpacked = extractTarball(packed.tarball, path.join(work, 'package'));
		const tarballOk = report(
			`tarball ${path.basename(packed.tarball)} (${packed.files.length} files)`,
			await scanner.analyzePackage(unpacked, TARBALL_FILE_PATTERNS),
		);
		return sourceOk && tarballOk ? 0 : 1;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`scan failed: ${(error as Error).stack ?? String(error)}\n`);
		process.exitCode = 1;
	},
);
