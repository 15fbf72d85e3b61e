/**
 * Values for the node's resource-mapper parameters (custom fields), built the way n8n saves them.
 */
import type { ResourceMapperValue } from 'n8n-workflow';

/** A resource-mapper value as the n8n editor saves it for pipeline custom fields. */
export function mapper(
	value: Record<string, string | number | boolean | null>,
	schema: Array<{
		id: string;
		type: string;
		required?: boolean;
		options?: Array<{ name: string; value: string }>;
	}>,
): ResourceMapperValue {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
		schema: schema.map((field) => ({
			id: field.id,
			displayName: field.id,
			type: field.type,
			required: field.required ?? false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			options: field.options,
		})) as ResourceMapperValue['schema'],
	};
}
