import { startSandbox, type Sandbox } from '../index';
import { expectLacrmError } from './helpers';

/**
 * Facts about the real LACRM found after the sandbox was first written (issue 9, REFERENCE.md's
 * Corrections table): hex status colours, no company birthday, yearless birthdays, custom-field
 * options in both shapes seen in the wild, the HasAttachedItem filters, event offsets.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

let sandbox: Sandbox;

async function ok(fn: string, params: object = {}): Promise<Body> {
	const res = await sandbox.call(fn, params);
	if (res.status !== 200)
		throw new Error(`${fn} failed: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
}

async function pipelineNamed(name: string): Promise<Body> {
	const pipelines: Body[] = await ok('GetPipelines');
	return pipelines.find((pipeline) => pipeline.Name === name);
}

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(() => sandbox.stop());

describe('pipeline status colours are hex codes', () => {
	it('seeded statuses have hex colours', async () => {
		const statuses: Body[] = await ok('GetPipelineStatuses');
		expect(statuses.length).toBeGreaterThan(0);
		for (const status of statuses) expect(status.Color).toMatch(/^#[0-9a-f]{6}$/i);
	});

	it('takes a hex colour on create and edit and returns it', async () => {
		const { PipelineId } = await pipelineNamed('Sales Leads');
		const { StatusId } = await ok('CreatePipelineStatus', {
			PipelineId,
			Name: 'Hex Colour',
			Color: '#486581',
		});
		await ok('EditPipelineStatus', { StatusId, Name: 'Hex Colour', Color: '#3EBD93' });
		const statuses: Body[] = await ok('GetPipelineStatuses', { PipelineId });
		expect(statuses.find((status) => status.StatusId === StatusId)?.Color).toBe('#3EBD93');
	});

	it('refuses a named colour', async () => {
		const { PipelineId } = await pipelineNamed('Sales Leads');
		expectLacrmError(
			await sandbox.call('CreatePipelineStatus', {
				PipelineId,
				Name: 'Named Colour',
				Color: 'Blue',
			}),
			400,
			/'Color' must be a hex color code like #486581, got 'Blue'/,
		);
		const statuses: Body[] = await ok('GetPipelineStatuses', { PipelineId });
		expect(statuses.map((status) => status.Name)).not.toContain('Named Colour');
	});
});
