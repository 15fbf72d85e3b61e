/**
 * The tarball npm would publish, and the check that it carries code.
 *
 *   npx tsx scripts/pack.ts     pack into a temporary folder, list the files, and exit 1 unless
 *                               every file of package.json's `n8n` block is in the tarball
 *
 * `.npmrc` sets ignore-scripts, which also skips `prepack`: `npm pack` and `npm publish` ship
 * whatever is in dist/ at that moment (nothing, on a fresh clone). So build first, and check.
 * Used by `npm run scan` (which lints the tarball's contents), the install test in test/unit/,
 * and the release workflow before `npm publish`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');

export interface PackedPackage {
	/** Absolute path of the .tgz. */
	tarball: string;
	/** Paths inside the package, as npm lists them (`dist/…`, `package.json`, …). */
	files: string[];
}

interface N8nBlock {
	credentials?: string[];
	nodes?: string[];
}

/** Every file package.json's `n8n` block tells n8n to load. */
export function n8nBlockFiles(root = ROOT): string[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		n8n?: N8nBlock;
	};
	return [...(pkg.n8n?.credentials ?? []), ...(pkg.n8n?.nodes ?? [])];
}

/** `npm pack` into `destination` (created if needed); npm's own list of what went in. */
export function packPackage(destination: string): PackedPackage {
	fs.mkdirSync(destination, { recursive: true });
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [report] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
	return {
		tarball: path.join(destination, report.filename),
		files: report.files.map((file) => file.path),
	};
}

/** Files of the `n8n` block that are not in the tarball (run `npm run build` before packing). */
export function missingFromTarball(packed: PackedPackage, root = ROOT): string[] {
	const inTarball = new Set(packed.files);
	return n8nBlockFiles(root).filter((file) => !inTarball.has(file));
}

/** Unpack a tarball into `destination` the way the scanner does (`package/` stripped). */
export function extractTarball(tarball: string, destination: string): string {
	fs.mkdirSync(destination, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', destination, '--strip-components=1']);
	return destination;
}

function main(): number {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-lacrm-pack-'));
	try {
		const packed = packPackage(work);
		process.stdout.write(`${path.basename(packed.tarball)}:\n`);
		for (const file of packed.files) process.stdout.write(`  ${file}\n`);
		const missing = missingFromTarball(packed);
		if (missing.length > 0) {
			process.stderr.write(
				`The tarball lacks files the n8n block lists (run \`npm run build\` first):\n${missing.map((file) => `  ${file}\n`).join('')}`,
			);
			return 1;
		}
		process.stdout.write(`All ${n8nBlockFiles().length} files of the n8n block are in it.\n`);
		return 0;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

if (require.main === module) process.exitCode = main();
