/**
 * The GitHub Actions workflows parse, have the shape GitHub requires (a trigger, jobs with
 * `runs-on` and steps that each `run` or `use` something), and do what the release process relies
 * on: CI runs the README's test command on Node 20 and 22; a version tag publishes with provenance
 * only after lint, build, tests, the scan and the tarball check, in that order.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

const root = join(__dirname, '../..');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}

interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<
		string,
		{
			'runs-on': string;
			strategy?: { matrix: Record<string, unknown[]> };
			steps: Step[];
		}
	>;
}

function workflow(file: string): Workflow {
	const text = readFileSync(join(root, '.github', 'workflows', file), 'utf8');
	// `uniqueKeys` and `strict` make duplicate keys and other YAML errors fail the parse.
	return parse(text, { uniqueKeys: true, strict: true, prettyErrors: true }) as Workflow;
}

function expectValidShape(wf: Workflow): void {
	expect(typeof wf.name).toBe('string');
	expect(wf.on).toBeInstanceOf(Object);
	expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
	for (const job of Object.values(wf.jobs)) {
		expect(job['runs-on']).toBe('ubuntu-latest');
		expect(job.steps.length).toBeGreaterThan(0);
		for (const step of job.steps) {
			expect(Number(step.uses !== undefined) + Number(step.run !== undefined)).toBe(1);
		}
	}
}

/** The test command the README gives. */
function readmeTestCommand(): string {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const match = /^(npm ci && npm test)\b/m.exec(readme);
	if (!match) throw new Error('README.md has no `npm ci && npm test` line');
	return match[1];
}

describe('.github/workflows', () => {
	it('ci.yml runs the README test command on Node 20 and 22, on pushes and pull requests', () => {
		const ci = workflow('ci.yml');
		expectValidShape(ci);
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		const job = Object.values(ci.jobs)[0];
		expect(job.strategy?.matrix.node).toEqual([20, 22]);
		const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['node-version']).toBe('${{ matrix.node }}');
		expect(job.steps.map((step) => step.run).filter(Boolean)).toEqual([readmeTestCommand()]);
	});

	it('publish.yml publishes a version tag with provenance, after every check', () => {
		const publish = workflow('publish.yml');
		expectValidShape(publish);
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish.permissions).toMatchObject({ 'id-token': 'write', contents: 'read' });
		const steps = Object.values(publish.jobs)[0].steps;
		const runs = steps.map((step) => step.run).filter((run): run is string => Boolean(run));
		const order = [
			'npm ci',
			'npm run lint',
			'npm run build',
			'npx jest',
			'npm run scan',
			'npx tsx scripts/pack.ts',
			'npm publish --provenance --access public',
		].map((command) => runs.indexOf(command));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(runs[runs.length - 1]).toBe('npm publish --provenance --access public');
		const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
	});
});
