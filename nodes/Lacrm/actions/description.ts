/**
 * Builds the node's parameters from the resource and operation definitions, so each field is
 * described once (next to the LACRM function it feeds) and shown only where it belongs.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../helpers/operation';
import { createsRecord, DEFAULT_CONCURRENCY } from './router';
import { OPERATION_SUMMARIES } from './summaries';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** Shared by every operation: how many items may be sent to LACRM at once. */
const concurrencyOption: INodeProperties = {
	displayName: 'Max Parallel Requests',
	name: 'concurrency',
	type: 'number',
	default: DEFAULT_CONCURRENCY,
	typeOptions: { minValue: 1, maxValue: 20 },
	description:
		'How many input items are sent to LACRM at the same time. 1 processes items strictly one after another. With OAuth2, items run one at a time until the access token is known to be fresh.',
};

/**
 * Whether the operation's request depends on the input item. Only then do several items mean
 * several different requests, which Max Parallel Requests can send at once; an account-wide list
 * (users, teams, calendars…) is the same request for every item.
 */
function takesInputPerItem(definition: OperationDefinition): boolean {
	return Boolean(
		definition.fields?.length ||
		definition.optional?.fields.length ||
		definition.properties?.length,
	);
}
/** Shared by every operation: how long to keep retrying a request LACRM refuses with 429. */
const rateLimitWaitOption: INodeProperties = {
	displayName: 'Max Wait When Rate Limited (Minutes)',
	name: 'rateLimitWait',
	type: 'number',
	default: 5,
	typeOptions: { minValue: 0, numberPrecision: 1 },
	description:
		'When LACRM answers "too many requests", it has done nothing, so the request is sent again after the wait LACRM asks for, and every request of this credential slows down. A request fails only once it has been refused for this long.',
};

/** Create operations: the node outputs the created record unless only its id is wanted. */
const idOnlyOption: INodeProperties = {
	displayName: 'Return Only ID',
	name: 'idOnly',
	type: 'boolean',
	default: false,
	description:
		"Whether to output only the new record's ID. Off: contacts and companies are read back from LACRM (one request for all items); other records are output as their ID plus the fields sent.",
};

function show(resource: string, operation: string) {
	return { show: { resource: [resource], operation: [operation] } };
}

/** Places a property under its operation, keeping any extra conditions it declares itself. */
function placed(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const own = property.displayOptions;
	return {
		...property,
		displayOptions: { ...own, show: { ...own?.show, ...show(resource, operation).show } },
	};
}

function withoutRequired(property: INodeProperties): INodeProperties {
	const { required: _required, ...rest } = property;
	return rest as INodeProperties;
}

function operationProperties(resource: string, definition: OperationDefinition): INodeProperties[] {
	const displayOptions = show(resource, definition.operation);
	const properties: INodeProperties[] = [];
	for (const field of definition.fields ?? [])
		properties.push(placed(field.property, resource, definition.operation));
	for (const property of definition.properties ?? [])
		properties.push(placed(property, resource, definition.operation));
	if (definition.list) {
		properties.push(
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
				displayOptions,
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1 },
				description: 'Max number of results to return',
				displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
			},
		);
	}
	if (definition.simplify) {
		properties.push({
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				'Whether to return a flat record (first email, phone and address as text, names as text) instead of the raw LACRM data',
			displayOptions,
		});
	}
	if (definition.optional) {
		properties.push({
			displayName: definition.optional.displayName,
			name: definition.optional.name,
			type: 'collection',
			placeholder: definition.optional.name === 'filters' ? 'Add Filter' : 'Add Field',
			default: {},
			options: definition.optional.fields
				.map((field) => withoutRequired(field.property))
				.sort(byDisplayName),
			displayOptions,
		});
	}
	if (definition.clearable) {
		const clearable = (definition.optional?.fields ?? []).filter((field) => field.clearable);
		if (clearable.length > 0) {
			properties.push({
				displayName: 'Fields to Clear',
				name: 'fieldsToClear',
				type: 'multiOptions',
				default: [],
				options: clearable
					.map((field) => ({ name: field.property.displayName, value: field.property.name }))
					.sort(byName),
				description:
					'Fields to blank in LACRM (sent as null). Fields not set above and not listed here stay as they are.',
				displayOptions,
			});
		}
	}
	const options = [
		...(definition.optionFields ?? []).map((field) => withoutRequired(field.property)),
		...(definition.options ?? []),
		...(createsRecord(definition) ? [idOnlyOption] : []),
		...(takesInputPerItem(definition) ? [concurrencyOption] : []),
		rateLimitWaitOption,
	].sort(byDisplayName);
	properties.push({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
		displayOptions,
	});
	return properties;
}

function byDisplayName(a: INodeProperties, b: INodeProperties) {
	return a.displayName.localeCompare(b.displayName);
}

export function buildResourceProperties(resources: ResourceDefinition[]): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources
				.map((resource) => ({
					name: resource.name,
					value: resource.value,
					description: resource.description,
				}))
				.sort(byName),
			default: 'contact',
		},
	];
	for (const resource of resources) {
		const { defaultOperation } = resource;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations
				.map((definition) => ({
					name: definition.name,
					value: definition.operation,
					action: definition.action,
					description:
						OPERATION_SUMMARIES[`${resource.value}.${definition.operation}`] ??
						definition.description,
				}))
				.sort(byName),
			default: defaultOperation,
		});
	}
	for (const resource of resources) {
		for (const definition of resource.operations) {
			if (!definition.promoted && !definition.optionFields) {
				properties.push(...operationProperties(resource.value, definition));
				continue;
			}
			properties.push(
				...forVersion(operationProperties(resource.value, layoutV1(definition)), [1]),
				...forVersion(operationProperties(resource.value, layoutV2(definition)), [
					{ _cnd: { gte: 2 } },
				]),
			);
		}
	}
	return properties;
}

/** Version 1's form: everything optional in the collection, as saved workflows have it. */
function layoutV1(definition: OperationDefinition): OperationDefinition {
	if (!definition.optional) return definition;
	return {
		...definition,
		optional: {
			...definition.optional,
			fields: [...definition.optional.fields, ...(definition.optionFields ?? [])],
		},
		optionFields: undefined,
	};
}

/** Version 2's form: promoted fields after the first field, sorting under Options. */
function layoutV2(definition: OperationDefinition): OperationDefinition {
	const promoted = new Set(definition.promoted ?? []);
	if (!definition.optional || promoted.size === 0) return definition;
	const [first, ...rest] = definition.fields ?? [];
	return {
		...definition,
		fields: [
			...(first ? [first] : []),
			...definition.optional.fields.filter((field) => promoted.has(field.key)),
			...rest,
		],
		optional: {
			...definition.optional,
			fields: definition.optional.fields.filter((field) => !promoted.has(field.key)),
		},
	};
}

type VersionCondition = NonNullable<
	NonNullable<INodeProperties['displayOptions']>['show']
>['@version'];

/** Shows these properties only on the given node versions. */
function forVersion(properties: INodeProperties[], versions: VersionCondition): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, '@version': versions },
		},
	}));
}
