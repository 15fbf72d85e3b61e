/** Builders for small hand-written workflows: a node, and a straight line of connections. */
import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

let nodeCounter = 0;

/** A node as n8n saves it (typeVersion 1 unless `extra` says otherwise). */
export function node(
	name: string,
	type: string,
	parameters: INodeParameters = {},
	extra: Partial<INode> = {},
): INode {
	nodeCounter++;
	return {
		id: `node-${nodeCounter}`,
		name,
		type,
		typeVersion: 1,
		position: [nodeCounter * 200, 0],
		parameters,
		...extra,
	};
}

/** Linear main connections: a → b → c. */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}
