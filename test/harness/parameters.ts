/**
 * What n8n keeps of a saved node's parameters: n8n drops parameters (and collection entries) its
 * node description does not show, so a workflow JSON that sets them silently loses them.
 */
import type { IDataObject, INode, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** Properties of `type` that apply to a node with these parameters (resource/operation shown). */
function shownProperties(
	type: INodeType,
	parameters: IDataObject,
	name: string,
): INodeProperties[] {
	return type.description.properties.filter((property) => {
		if (property.name !== name) return false;
		const show = property.displayOptions?.show ?? {};
		return Object.entries(show).every(([key, values]) => {
			if (key.startsWith('@') || !['resource', 'operation'].includes(key)) return true;
			return (values as unknown[]).includes(parameters[key]);
		});
	});
}

/** Parameters (and collection entries) of the JSON that n8n would not keep for this node. */
export function droppedParameters(type: INodeType, node: INode): string[] {
	const kept =
		NodeHelpers.getNodeParameters(
			type.description.properties,
			node.parameters,
			true,
			false,
			node,
			type.description,
		) ?? {};
	const dropped = Object.keys(node.parameters).filter((key) => !(key in kept));
	for (const [key, value] of Object.entries(node.parameters)) {
		const [property] = shownProperties(type, node.parameters as IDataObject, key);
		if (property?.type !== 'collection' || !value || typeof value !== 'object') continue;
		const allowed = new Set(
			(property.options ?? []).map((option) => (option as INodeProperties).name),
		);
		for (const entry of Object.keys(value))
			if (!allowed.has(entry)) dropped.push(`${key}.${entry}`);
	}
	return dropped;
}
