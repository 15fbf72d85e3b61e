import { FUNCTION_SPECS } from '../spec';
import { compileFunction, type CompiledFunction } from '../validation';
import type { Handler, HandlerTable } from './context';
import { calendarFunctions } from './calendars';
import { contactFunctions } from './contacts';
import { customFieldFunctions } from './customFields';
import { emailFunctions } from './emails';
import { eventFunctions } from './events';
import { fileFunctions } from './files';
import { groupMembershipFunctions } from './groupMemberships';
import { groupFunctions } from './groups';
import { noteFunctions } from './notes';
import { pipelineItemFunctions } from './pipelineItems';
import { pipelineFunctions } from './pipelines';
import { relationshipFunctions } from './relationships';
import { taskFunctions } from './tasks';
import { teamFunctions } from './teams';
import { userFunctions } from './users';
import { webhookFunctions } from './webhooks';

/** Every LACRM function, keyed by its name, with the spec it is validated against. */
export interface DispatchEntry {
	handler: Handler;
	spec: CompiledFunction;
}

const tables: HandlerTable[] = [
	contactFunctions,
	noteFunctions,
	taskFunctions,
	eventFunctions,
	emailFunctions,
	fileFunctions,
	groupMembershipFunctions,
	pipelineItemFunctions,
	relationshipFunctions,
	calendarFunctions,
	customFieldFunctions,
	groupFunctions,
	pipelineFunctions,
	teamFunctions,
	userFunctions,
	webhookFunctions,
];

function buildDispatch(): ReadonlyMap<string, DispatchEntry> {
	const handlers = new Map<string, Handler>();
	for (const table of tables) {
		for (const [name, handler] of Object.entries(table)) {
			if (handlers.has(name)) throw new Error(`sandbox: ${name} is implemented twice`);
			handlers.set(name, handler);
		}
	}
	const dispatch = new Map<string, DispatchEntry>();
	for (const spec of FUNCTION_SPECS) {
		const handler = handlers.get(spec.function);
		// Fail at start-up, not at the first call: the sandbox promises every documented function.
		if (!handler) throw new Error(`sandbox: ${spec.function} (spec/functions.json) has no handler`);
		dispatch.set(spec.function, { handler, spec: compileFunction(spec) });
		handlers.delete(spec.function);
	}
	if (handlers.size > 0)
		throw new Error(`sandbox: handlers without a spec entry: ${[...handlers.keys()].join(', ')}`);
	return dispatch;
}

export const DISPATCH: ReadonlyMap<string, DispatchEntry> = buildDispatch();
