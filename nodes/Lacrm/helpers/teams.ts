/**
 * Helpers the settings resources share: user and team id lists (groups and pipelines can be
 * shared with teams), and fields that live in an operation's Options collection.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Field, ReadContext } from './fieldBuilders';
import { fieldError, readUid } from './fieldBuilders';
import type { ItemInput, PreparedItem } from './operation';

function entriesOf(raw: unknown): unknown[] {
	if (Array.isArray(raw)) return raw;
	if (raw === undefined || raw === null) return [];
	if (typeof raw === 'string') return raw.split(/[\s,]+/);
	return [raw];
}

/** Team ids: a multi-select of the account's teams, or a list / comma-separated text from an expression. */
export function teamIdsField(options: { description: string }): Field<'TeamIds'> {
	const label = 'Team Names or IDs';
	return {
		key: 'TeamIds',
		property: {
			displayName: label,
			name: 'teamIds',
			type: 'multiOptions',
			default: [],
			typeOptions: { loadOptionsMethod: 'getTeams' },
			description: `${options.description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
		read: (raw, ctx) => {
			const ids = entriesOf(raw)
				.filter((entry) => !(typeof entry === 'string' && entry.trim() === ''))
				.map((entry) => readUid(entry, ctx, label, true) as string);
			return ids.length ? ids : undefined;
		},
	};
}

/**
 * LACRM user ids are small integers that LACRM itself sends sometimes as numbers and sometimes as
 * strings; both are accepted here and sent as text.
 */
export function readUserIds(raw: unknown, ctx: ReadContext, label: string): string[] {
	return entriesOf(raw)
		.filter((entry) => !(typeof entry === 'string' && entry.trim() === ''))
		.map((entry) => {
			if (typeof entry === 'number' && Number.isSafeInteger(entry) && entry > 0)
				return String(entry);
			const text = typeof entry === 'string' ? entry.trim() : '';
			if (!/^\d{1,40}$/.test(text)) {
				throw fieldError(ctx, label, `"${String(entry)}" is not a LACRM user ID (digits only)`);
			}
			return text;
		});
}

export interface TeamSharingSetting {
	/** The LACRM parameter that says who sees the record: Sharing (groups) or Permissions (pipelines). */
	key: string;
	/** Its label in the node. */
	label: string;
	/** The value that means "shared with teams". */
	teams: string;
	/** That value's label in the node. */
	teamsLabel: string;
}

/**
 * Team ids only mean something when the record is shared with teams, and sharing it with teams
 * on creation needs them (LACRM: "required when …=Teams").
 */
export function checkTeamSharing(
	input: ItemInput,
	parameters: IDataObject,
	setting: TeamSharingSetting,
	creating: boolean,
) {
	const mode = parameters[setting.key];
	const hasTeams = parameters.TeamIds !== undefined;
	if (creating && mode === setting.teams && !hasTeams) {
		throw input.error(
			'Team Names or IDs',
			`choose at least one team when ${setting.label} is ${setting.teamsLabel}`,
		);
	}
	if (mode !== undefined && mode !== setting.teams && hasTeams) {
		throw input.error(
			'Team Names or IDs',
			`teams only apply when ${setting.label} is ${setting.teamsLabel}`,
		);
	}
}

/** Reads fields placed in the operation's Options collection into the LACRM parameters. */
export function readOptionFields(input: ItemInput, prepared: PreparedItem, fields: Field[]) {
	const options = input.value<IDataObject>('options', {});
	for (const field of fields) {
		if (!(field.property.name in options)) continue;
		const value = input.read(field, options);
		if (value !== undefined) prepared.parameters[field.key] = value;
	}
}
