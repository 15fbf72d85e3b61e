/**
 * Where the sandbox's generic validation departs from spec/functions.json, and why. The JSON file
 * is a verbatim copy of the shared catalogue; these adjustments are applied on load so the copy
 * can be refreshed without hand edits. Each rule that is relaxed here is enforced (conditionally)
 * by the function's handler instead.
 */
export interface SpecOverride {
	/** Marked required in the spec but only conditionally required; the handler checks it. */
	notRequired?: string[];
	/** Values accepted in addition to the spec's enum. */
	extraEnum?: Record<string, string[]>;
	/** Date parameters that also take LACRM's yearless forms (0000-MM-DD, 0000-M-D, M-D). */
	yearlessDate?: string[];
	why: string;
}

export const SPEC_OVERRIDES: Record<string, SpecOverride> = {
	CreateContact: {
		notRequired: ['Name'],
		yearlessDate: ['Birthday'],
		why: "Companies are created with 'Company Name' by the official tutorial and tested clients, with Name by the function definition (REFERENCE §12 note, §16.10). The handler requires Name, or Company Name when IsCompany is true. A birthday may have no year: 0000-MM-DD, 0000-M-D or M-D (official Data-types page).",
	},
	EditContact: {
		yearlessDate: ['Birthday'],
		why: 'A birthday may have no year: 0000-MM-DD, 0000-M-D or M-D (official Data-types page).',
	},
	GetTasks: {
		notRequired: ['StartDate', 'EndDate'],
		why: "With ContactId the date window is ignored and all of that contact's tasks are returned (REFERENCE §12 GetTasks, §14). The handler requires both dates when ContactId is absent.",
	},
};
