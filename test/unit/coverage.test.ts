/**
 * The node is complete: every LACRM API v2 function has a typed operation, and the node
 * description is well-formed for n8n. That a test sends each function's request is checked over
 * the whole run from what nock and the sandbox received (test/function-coverage/globalTeardown.js).
 */
import { readFileSync } from 'fs';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { join } from 'path';

import { RESOURCES } from '../../nodes/Lacrm/actions/resources';
import { LACRM_FUNCTIONS } from '../../nodes/Lacrm/transport/functions';
import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import * as methods from '../../nodes/Lacrm/methods';

const specFunctions = (
	JSON.parse(readFileSync(join(__dirname, '../../sandbox/spec/functions.json'), 'utf8')) as Array<{
		function: string;
	}>
).map((entry) => entry.function);

const operations = RESOURCES.flatMap((resource) =>
	resource.operations.map((operation) => ({ resource: resource.value, ...operation })),
);

describe('coverage of LACRM API v2', () => {
	it('the typed map holds exactly the 79 documented functions', () => {
		expect(specFunctions).toHaveLength(79);
		expect(Object.keys(LACRM_FUNCTIONS).sort()).toEqual([...specFunctions].sort());
	});

	it.each(specFunctions)('%s has an operation of its own', (fn) => {
		expect(
			operations
				.filter((operation) => operation.fn === fn)
				.map((o) => `${o.resource}.${o.operation}`),
		).not.toEqual([]);
	});

	it('operations call only functions of the typed map', () => {
		for (const operation of operations) {
			for (const fn of [operation.fn, ...(operation.alsoCalls ?? [])])
				expect(LACRM_FUNCTIONS).toHaveProperty(fn);
		}
	});
});

describe('node description', () => {
	const { description } = new Lacrm();

	it('gives every operation an action and a description an AI agent can act on', () => {
		for (const operation of operations) {
			expect(operation.action).toMatch(/^[A-Z][a-z]/);
			expect(operation.description.length).toBeGreaterThan(20);
		}
	});

	/** The properties n8n shows for one resource and operation on a new node (version 2). */
	const shownFor = (resource: string, operation: string) =>
		description.properties.filter((property) => {
			const show = property.displayOptions?.show;
			return (
				(show?.resource as string[] | undefined)?.includes(resource) &&
				(show?.operation as string[] | undefined)?.includes(operation) &&
				!(show?.['@version'] as unknown[] | undefined)?.includes(1)
			);
		});

	it('describes each operation in its dropdown with one short sentence', () => {
		const dropdowns = description.properties.filter((property) => property.name === 'operation');
		const entries = dropdowns.flatMap((dropdown) => dropdown.options ?? []) as Array<{
			value: string;
			description?: string;
		}>;
		expect(entries).toHaveLength(operations.length);
		for (const entry of entries) {
			// One sentence: a capital, no full stop before the end, under 70 characters.
			expect(entry.description).toMatch(/^[A-Z][^.]{5,68}\.$/);
		}
		// What an agent needs stays in the definition (ids needed, what comes back).
		const create = operations.find(
			(o) => o.resource === 'pipelineItem' && o.operation === 'create',
		);
		expect(create?.description).toContain('Returns the new PipelineItemId');
	});

	it('offers Max Parallel Requests only where each item sends its own request', () => {
		const concurrencyShown = (resource: string, operation: string) =>
			shownFor(resource, operation).some((property) =>
				(property.options ?? []).some(
					(option) => 'name' in option && option.name === 'concurrency',
				),
			);
		expect(concurrencyShown('contact', 'create')).toBe(true);
		expect(concurrencyShown('note', 'getAll')).toBe(true);
		expect(concurrencyShown('pipelineItem', 'update')).toBe(true);
		// The same account-wide list for every item: parallel copies change nothing.
		for (const [resource, operation] of [
			['user', 'getAll'],
			['user', 'getCurrent'],
			['team', 'getAll'],
			['calendar', 'getAll'],
			['pipeline', 'getAll'],
			['webhook', 'getAll'],
			['group', 'getAll'],
		])
			expect(concurrencyShown(resource, operation)).toBe(false);
	});

	it('offers sorting under Options, not under Filters', () => {
		const namesIn = (resource: string, operation: string, collection: string) =>
			(
				shownFor(resource, operation).find((property) => property.name === collection)?.options ??
				[]
			).map((option) => option.name);
		for (const [resource, operation] of [
			['contact', 'getAll'],
			['company', 'getAll'],
			['pipelineItem', 'getAll'],
			['task', 'getAll'],
			['event', 'getAll'],
			['note', 'getAll'],
			['email', 'getAll'],
		]) {
			expect(namesIn(resource, operation, 'options')).toContain('sortDirection');
			expect(namesIn(resource, operation, 'filters')).not.toContain('sortDirection');
			expect(namesIn(resource, operation, 'filters')).not.toContain('sortBy');
		}
		expect(namesIn('contact', 'getAll', 'options')).toContain('sortBy');
	});

	it('empties the status and item pickers when the pipeline changes (n8n reloads dependent pickers)', () => {
		for (const operation of ['create', 'update']) {
			const status =
				shownFor('pipelineItem', operation).find((property) => property.name === 'statusId') ??
				(
					shownFor('pipelineItem', operation).find((property) => property.name === 'updateFields')
						?.options as INodeProperties[] | undefined
				)?.find((option) => option.name === 'statusId');
			expect(status?.type).toBe('resourceLocator');
			expect(status?.typeOptions?.loadOptionsDependsOn).toEqual(['pipelineId.value']);
		}
		const item = shownFor('pipelineItem', 'update').find(
			(property) => property.name === 'pipelineItemId',
		);
		expect(item?.typeOptions?.loadOptionsDependsOn).toEqual(['pipelineId.value']);
	});

	it('an untouched Pipeline Item → Create shows one notice in place of the custom-field mapper', () => {
		const properties = shownFor('pipelineItem', 'create');
		const visibleWith = (pipelineId: INodeParameters['pipelineId']) => {
			const parameters: INodeParameters = {
				resource: 'pipelineItem',
				operation: 'create',
				pipelineId,
			};
			return properties
				.filter((property) => ['customFieldsNotice', 'customFields'].includes(property.name))
				.filter((property) => NodeHelpers.displayParameter(parameters, property, null, description))
				.map((property) => property.type);
		};
		expect(visibleWith({ __rl: true, mode: 'list', value: '' })).toEqual(['notice']);
		expect(
			visibleWith({ __rl: true, mode: 'list', value: '4006273942886858777552000000401' }),
		).toEqual(['resourceMapper']);
		expect(visibleWith({ __rl: true, mode: 'id', value: '={{ $json.pipelineId }}' })).toEqual([
			'resourceMapper',
		]);
	});

	it('gives an AI agent the action and the field descriptions, which the short dropdown text does not touch', () => {
		// How n8n describes the node as a tool ("Set automatically"): the operation's action.
		expect(
			NodeHelpers.makeDescription({ resource: 'pipelineItem', operation: 'create' }, description),
		).toBe('Create a pipeline item in Less Annoying CRM');
		// Where an id comes from is said by the field the agent fills in.
		const contact = shownFor('pipelineItem', 'create').find(
			(property) => property.name === 'contactId',
		);
		expect(contact?.description).toContain('ContactId comes from Contact → Get Many');
	});

	it('is usable as an AI tool', () => {
		expect(description.usableAsTool).toBe(true);
	});

	it('never shows two parameters with the same name on one operation', () => {
		for (const operation of operations) {
			const visible = description.properties.filter((property) => {
				const show = property.displayOptions?.show;
				if (!show) return true;
				if (show.resource && !(show.resource as string[]).includes(operation.resource))
					return false;
				if (show.operation && !(show.operation as string[]).includes(operation.operation))
					return false;
				return true;
			});
			const names = visible
				.filter((property) =>
					Object.keys(property.displayOptions?.show ?? {}).every((key) =>
						['resource', 'operation'].includes(key),
					),
				)
				.map((property) => property.name);
			expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		}
	});

	it('points every dropdown and picker at a method that exists', () => {
		const wanted = new Set<string>();
		const visit = (value: unknown) => {
			if (Array.isArray(value)) value.forEach(visit);
			else if (value && typeof value === 'object') {
				for (const [key, child] of Object.entries(value)) {
					if (['searchListMethod', 'loadOptionsMethod', 'resourceMapperMethod'].includes(key))
						wanted.add(String(child));
					visit(child);
				}
			}
		};
		visit(description.properties);
		const available = new Set([
			...Object.keys(methods.listSearch),
			...Object.keys(methods.loadOptions),
			...Object.keys(methods.resourceMapping),
		]);
		expect([...wanted].filter((method) => !available.has(method))).toEqual([]);
	});
});
