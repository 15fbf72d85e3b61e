/**
 * The LACRM node as an AI agent's tool, the way n8n runs it (this file runs on n8n-core 1.122.48
 * and on 2.x):
 *
 *  - n8n derives a `…Tool` node type from every `usableAsTool` node when it loads nodes
 *    (packages/cli: LoadNodesAndCredentials / tool-generation `convertNodeToAiTool`). That step is
 *    not in n8n-core, so `toolVariant()` below reproduces it;
 *  - everything after that is n8n-core's own code, unmodified: the agent asks for its tools with
 *    `getInputConnectionData('ai_tool')`, n8n-core builds the tool (`createNodeAsTool`: a LangChain
 *    DynamicStructuredTool whose zod schema comes from the node's `$fromAI()` parameters), and a
 *    tool call runs the LACRM node's `execute()` in a SupplyDataContext where `$fromAI('searchTerms')`
 *    resolves to the argument the model passed.
 *
 * The workflow is examples/ai-agent-lookup.json itself. Its three @n8n/n8n-nodes-langchain nodes
 * (chat trigger, AI agent, OpenAI chat model) are not installed here; they are replaced by
 * stand-ins of the same type names: a chat trigger emitting n8n's chat item, an agent that
 * collects its model and tools through n8n-core and calls `tool.invoke(args)` as LangChain's
 * agent executor does, and a scripted "model" that decides which tool call to make.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	ISupplyDataFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
	SupplyData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { Lacrm } from '../../nodes/Lacrm/Lacrm.node';
import { refreshGate } from '../../nodes/Lacrm/transport/refreshGate';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { CredentialRef, ExampleWorkflow } from '../../scripts/demo-examples';
import {
	EXAMPLES,
	LACRM_TYPES,
	loadExample,
	nodeNamed,
	withCredential,
} from '../../scripts/demo-examples';
import {
	oauth2Credential,
	sandboxApiKeyCredential,
	sandboxOAuth2Data,
} from '../harness/credentials';
import { HarnessCredentialsHelper } from '../harness/credentials-helper';
import { HarnessNodeTypes } from '../harness/node-types';
import { droppedParameters } from '../harness/parameters';
import { runWorkflow } from '../harness/runner';
import { ENGINE_LABEL } from '../harness/version';

// ---- n8n's tool variant of a usableAsTool node ----------------------------------------------------

/**
 * The `<name>Tool` node type n8n's loader derives from a `usableAsTool` node (in packages/cli, not
 * in n8n-core): same node and execute(), no main input, one `ai_tool` output, and a tool
 * description parameter the agent shows the model. Only what n8n-core's tool machinery reads.
 */
function toolVariant(nodeType: INodeType): INodeType {
	const description = nodeType.description;
	if (!description.usableAsTool) throw new Error(`${description.name} is not usableAsTool`);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	delete description.usableAsTool;
	const descriptionType: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		options: [
			{ name: 'Automatic', value: 'auto' },
			{ name: 'Manual', value: 'manual' },
		],
		default: 'auto',
	};
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: description.description,
		description: 'What the tool does, for the model',
		displayOptions: { show: { descriptionType: ['manual'] } },
	};
	if (!description.properties.some((property) => property.name === 'toolDescription')) {
		description.properties.unshift(descriptionType, toolDescription);
	}
	return nodeType;
}

// ---- stand-ins for the @n8n/n8n-nodes-langchain nodes of the example -------------------------------

/** A tool as n8n-core hands it to an agent (a LangChain DynamicStructuredTool). */
interface AgentTool {
	name: string;
	description: string;
	schema: {
		shape: Record<string, { description?: string }>;
		safeParse(value: unknown): { success: boolean };
	};
	invoke(args: IDataObject): Promise<string>;
}

interface ToolCall {
	tool: string;
	args: IDataObject;
}

/** What the stand-in chat model decides: which tool calls to make for a question, then the answer. */
interface ScriptedModel {
	toolCalls(question: string, tools: AgentTool[]): ToolCall[];
	answer(question: string, observations: string[]): string;
}

const scriptedModel: ScriptedModel = {
	toolCalls(question, tools) {
		const lookup = tools.find((tool) => 'searchTerms' in tool.schema.shape);
		const subject = /(?:who is|find|look up|people at)\s+(.+?)\s*\??$/i.exec(question)?.[1];
		return lookup && subject ? [{ tool: lookup.name, args: { searchTerms: subject } }] : [];
	},
	answer(question, observations) {
		const people = observations.flatMap((observation) => JSON.parse(observation) as IDataObject[]);
		if (people.length === 0) return `Nobody in your CRM matches "${question}".`;
		return people
			.map(
				(person) =>
					`${String(person.Name)} <${String(person.Email)}> (ContactId ${String(person.ContactId)})`,
			)
			.join('\n');
	},
};

/** A @n8n/n8n-nodes-langchain stand-in's description: its names and versions, and `rest`. */
const langchainStandIn = (
	name: string,
	displayName: string,
	version: number[],
	rest: Pick<INodeTypeDescription, 'group' | 'inputs' | 'outputs'> & Partial<INodeTypeDescription>,
): INodeTypeDescription => ({
	displayName,
	name,
	version,
	description: `Stand-in for @n8n/n8n-nodes-langchain.${name}`,
	defaults: { name: displayName },
	properties: [],
	...rest,
});

/** Emits n8n's chat item `{ sessionId, action: 'sendMessage', chatInput }`. */
class ChatTriggerStandIn implements INodeType {
	description = langchainStandIn('chatTrigger', 'When chat message received', [1, 1.1, 1.2, 1.3], {
		group: ['trigger'],
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'chat' }],
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

/** A chat model sub-node: supplies the scripted model through n8n-core's supplyData path. */
class ChatModelStandIn implements INodeType {
	description = langchainStandIn('lmChatOpenAi', 'OpenAI Chat Model', [1, 1.1, 1.2], {
		group: ['transform'],
		description:
			'Stand-in for @n8n/n8n-nodes-langchain.lmChatOpenAi (a scripted model, no OpenAI call)',
		inputs: [],
		outputs: [NodeConnectionTypes.AiLanguageModel],
	});

	async supplyData(this: ISupplyDataFunctions): Promise<SupplyData> {
		return { response: scriptedModel };
	}
}

/** The tools the agent stand-in received in its last run (for assertions and direct calls). */
const agentSeen: { tools: AgentTool[] } = { tools: [] };

/**
 * An agent: gets its model and tools from n8n-core (getInputConnectionData), asks the model which
 * tools to call, calls them with `tool.invoke(args)` and answers from what they returned.
 */
class AgentStandIn implements INodeType {
	description = langchainStandIn('agent', 'AI Agent', [1.7, 1.8, 1.9, 2], {
		group: ['transform'],
		inputs: [
			NodeConnectionTypes.Main,
			{
				type: NodeConnectionTypes.AiLanguageModel,
				displayName: 'Chat Model',
				required: true,
				maxConnections: 1,
			},
			{ type: NodeConnectionTypes.AiTool, displayName: 'Tool' },
		],
		outputs: [NodeConnectionTypes.Main],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const model = (await this.getInputConnectionData(
				NodeConnectionTypes.AiLanguageModel,
				itemIndex,
			)) as ScriptedModel;
			const tools = (await this.getInputConnectionData(
				NodeConnectionTypes.AiTool,
				itemIndex,
			)) as AgentTool[];
			agentSeen.tools = tools;
			const question = String(items[itemIndex].json.chatInput ?? '');
			const intermediateSteps: IDataObject[] = [];
			const observations: string[] = [];
			for (const call of model.toolCalls(question, tools)) {
				const tool = tools.find((candidate) => candidate.name === call.tool) as AgentTool;
				const observation = await tool.invoke(call.args);
				observations.push(observation);
				intermediateSteps.push({ action: { tool: call.tool, toolInput: call.args }, observation });
			}
			output.push({
				json: { output: model.answer(question, observations), intermediateSteps },
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	}
}

const nodeTypes = new HarnessNodeTypes({
	[LACRM_TYPES.tool]: toolVariant(new Lacrm()),
	'@n8n/n8n-nodes-langchain.chatTrigger': new ChatTriggerStandIn(),
	'@n8n/n8n-nodes-langchain.lmChatOpenAi': new ChatModelStandIn(),
	'@n8n/n8n-nodes-langchain.agent': new AgentStandIn(),
});

const TOOL_NODE = 'Find People in LACRM';
const API_KEY: CredentialRef = {
	type: 'lacrmApi',
	id: 'lacrm-api-key',
	name: 'Less Annoying CRM account',
};
const OAUTH2: CredentialRef = {
	type: 'lacrmOAuth2Api',
	id: 'lacrm-oauth2',
	name: 'Less Annoying CRM (OAuth2)',
};

async function ask(
	workflow: ExampleWorkflow,
	credentials: HarnessCredentialsHelper,
	chatInput: string,
) {
	return await runWorkflow(workflow, {
		nodeTypes,
		credentials,
		startData: {
			nodeName: 'When chat message received',
			items: [{ sessionId: 'session-1', action: 'sendMessage', chatInput }],
		},
	});
}

describe(`LACRM node as an AI agent tool on ${ENGINE_LABEL}`, () => {
	let sandbox: Sandbox;
	let credentials: HarnessCredentialsHelper;

	beforeEach(async () => {
		refreshGate.reset();
		agentSeen.tools = [];
		sandbox = await startSandbox({ quiet: true });
		credentials = new HarnessCredentialsHelper().add(sandboxApiKeyCredential(API_KEY, sandbox));
	});

	afterEach(async () => {
		refreshGate.reset();
		await sandbox.stop();
	});

	it("the example's tool node is a valid n8n-nodes-lacrm.lacrmTool node: n8n keeps every parameter it sets", () => {
		const example = loadExample(EXAMPLES.aiAgentLookup);
		const node = nodeNamed(example, TOOL_NODE);
		expect(node.type).toBe(LACRM_TYPES.tool);
		const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		expect(type.description.outputs).toEqual([NodeConnectionTypes.AiTool]);
		expect(droppedParameters(type, node)).toEqual([]);
		expect(String(node.parameters.searchTerms)).toContain("$fromAI('searchTerms'");
		expect(example.connections[TOOL_NODE]).toEqual({
			ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]],
		});
	});

	it('the agent gets the tool from n8n-core, calls it with the model’s arguments, and answers from the sandbox', async () => {
		const example = loadExample(EXAMPLES.aiAgentLookup);
		const run = await ask(example, credentials, 'Who is Diego Jones?');

		expect(run.error?.message).toBeUndefined();
		expect(run.status).toBe('success');
		// n8n reports the tool node's run (a sub-node run inside the agent's) before the agent finishes.
		expect(run.nodesExecuted).toEqual(['When chat message received', TOOL_NODE, 'AI Agent']);

		// The tool n8n-core built from the node: name from the node name, description from the
		// node's Tool Description, a schema with exactly the $fromAI() parameter.
		expect(agentSeen.tools).toHaveLength(1);
		const [tool] = agentSeen.tools;
		expect(tool.name).toBe('Find_People_in_LACRM');
		expect(tool.description).toBe(nodeNamed(example, TOOL_NODE).parameters.toolDescription);
		expect(Object.keys(tool.schema.shape)).toEqual(['searchTerms']);
		expect(tool.schema.shape.searchTerms.description).toBe(
			'A name, email address, phone number or company name to look up',
		);

		// What LACRM itself finds for that search.
		const expected = (
			await sandbox.call('GetContacts', {
				SearchTerms: 'Diego Jones',
				RecordTypeFilter: 'Contacts',
			})
		).body as {
			Results: Array<{ ContactId: string }>;
		};
		expect(expected.Results.length).toBeGreaterThanOrEqual(1);

		const [answer] = run.itemsOf('AI Agent');
		const [step] = answer.intermediateSteps as Array<{
			action: { tool: string; toolInput: IDataObject };
			observation: string;
		}>;
		expect(step.action).toEqual({
			tool: 'Find_People_in_LACRM',
			toolInput: { searchTerms: 'Diego Jones' },
		});
		const people = JSON.parse(step.observation) as IDataObject[];
		expect(people.map((person) => person.ContactId)).toEqual(
			expected.Results.map((contact) => contact.ContactId),
		);
		expect(people[0]).toMatchObject({
			ContactId: expect.stringMatching(/^\d{31}$/),
			Name: 'Diego Jones',
			Email: 'diego.jones@mail.example',
			Phone: '555-0229',
			'Job Title': 'Office Manager',
			AssignedToName: 'Sam Seller',
		});
		expect(answer.output).toContain('Diego Jones <diego.jones@mail.example>');

		// n8n records the tool call under the tool node, like the editor shows it.
		const toolRuns = run.runData[TOOL_NODE];
		expect(toolRuns).toHaveLength(1);
		expect(toolRuns[0].inputOverride?.ai_tool?.[0]?.[0]?.json).toEqual({
			searchTerms: 'Diego Jones',
		});
		const recorded = toolRuns[0].data?.ai_tool?.[0]?.[0]?.json as { response: IDataObject[] };
		expect(recorded.response.map((person) => person.ContactId)).toEqual(
			people.map((person) => person.ContactId),
		);
		expect(sandbox.counters().callsByFunction).toEqual({ GetContacts: 2 }); // the tool's + this test's own
	});

	it('tool.invoke() as a model calls it: limits, no match, and arguments the schema refuses never reach LACRM', async () => {
		await ask(loadExample(EXAMPLES.aiAgentLookup), credentials, 'Who is Diego Jones?');
		const [tool] = agentSeen.tools;
		sandbox.resetCounters();

		const many = JSON.parse(await tool.invoke({ searchTerms: 'mail.example' })) as IDataObject[];
		expect(many).toHaveLength(5); // the node's Limit
		for (const person of many) expect(String(person.Email)).toContain('mail.example');

		expect(JSON.parse(await tool.invoke({ searchTerms: 'no-such-person-anywhere' }))).toEqual([]);

		expect(tool.schema.safeParse({}).success).toBe(false);
		await expect(tool.invoke({})).rejects.toThrow();
		await expect(tool.invoke({ searchTerms: 42 })).rejects.toThrow();
		expect(sandbox.counters().callsByFunction).toEqual({ GetContacts: 2 });
	});

	it('with OAuth2 and an expired token, the tool call refreshes once through the same gate and succeeds', async () => {
		credentials = new HarnessCredentialsHelper().add(
			oauth2Credential(OAUTH2, sandboxOAuth2Data(sandbox, { ...sandbox.issueTokens() })),
		);
		sandbox.expireAccessTokens();
		const run = await ask(
			withCredential(loadExample(EXAMPLES.aiAgentLookup), OAUTH2),
			credentials,
			'Who is Diego Jones?',
		);
		expect(run.error?.message).toBeUndefined();
		expect(run.itemsOf('AI Agent')[0].output).toContain('Diego Jones');
		expect(sandbox.counters().refreshes).toBe(1);
		expect(sandbox.counters().refreshReuses).toBe(0);
		expect(credentials.writeCount(OAUTH2.id, 'oauthTokenData')).toBe(1);
	});
});
