/** The contact/company fields LACRM knows, described once for create, update and upsert. */
import type { Field, ReadContext } from '../../helpers/fieldBuilders';
import {
	addressList,
	date,
	fieldError,
	readDate,
	text,
	typedTextList,
	uid,
} from '../../helpers/fieldBuilders';
import type { ParameterName } from '../../helpers/operation';
import type { RecordKind } from './recordKind';

export function recordId(kind: RecordKind): Field<'ContactId'> {
	return uid({
		key: 'ContactId',
		displayName: kind.isCompany ? 'Company' : 'Contact',
		name: 'contactId',
		locator: kind.locator,
		required: true,
		description: `The ${kind.noun}. Its ContactId comes from Get Many, Create or a trigger.`,
	});
}

export function nameField(kind: RecordKind, required: boolean): Field<'Name'> {
	return text({
		key: 'Name',
		displayName: kind.isCompany ? 'Company Name' : 'Full Name',
		name: 'name',
		required,
		placeholder: kind.isCompany ? 'e.g. Acme Inc' : 'e.g. Jane Q. Smith',
		description: kind.isCompany
			? 'The company name. LACRM allows one company per name.'
			: 'The whole name; LACRM splits it into salutation, first, middle, last name and suffix',
	});
}

export function assignedToField(kind: RecordKind, forUpdate: boolean): Field<'AssignedTo'> {
	return uid({
		key: 'AssignedTo',
		displayName: 'Assigned To',
		name: 'assignedTo',
		locator: 'user',
		description: forUpdate
			? `The LACRM user who owns the ${kind.noun}`
			: `The LACRM user who owns the ${kind.noun}. Leave empty for the user of the credential.`,
	});
}

/** Optional fields of a contact or company (custom fields are in their own mapper). */
export function detailFields(kind: RecordKind) {
	const fields: Array<Field<ParameterName<'CreateContact'>>> = [
		typedTextList({
			key: 'Email',
			displayName: 'Email',
			name: 'email',
			typeHint: 'E.g. Work or Personal.',
			placeholder: 'name@email.com',
			clearable: true,
		}),
		typedTextList({
			key: 'Phone',
			displayName: 'Phone',
			name: 'phone',
			typeHint: 'E.g. Work, Mobile, Home or Fax.',
			placeholder: '+1 555 0100',
			clearable: true,
		}),
		typedTextList({
			key: 'Website',
			displayName: 'Website',
			name: 'website',
			typeHint: 'E.g. Work.',
			placeholder: 'https://example.com',
			clearable: true,
		}),
		addressList({ key: 'Address', displayName: 'Address', name: 'address', clearable: true }),
		text({
			key: 'Background Info',
			displayName: 'Background Info',
			name: 'backgroundInfo',
			rows: 3,
			clearable: true,
		}),
	];
	// Companies have no birthday in LACRM.
	if (!kind.isCompany) {
		fields.push(
			birthday(),
			text({
				key: 'Company Name',
				displayName: 'Company Name',
				name: 'companyName',
				clearable: true,
				description:
					'The company this contact works at. LACRM links it to the existing company of that name, or creates the company.',
			}),
			text({ key: 'Job Title', displayName: 'Job Title', name: 'jobTitle', clearable: true }),
		);
	}
	return fields;
}

/** `0000-07-25`, `0000-7-25`, `7-25`: a birthday without a year (LACRM's Data-types page). */
const YEARLESS = /^(?:0000-)?(\d{1,2})-(\d{1,2})$/;

/** Days in each month of a leap year: a yearless birthday may be February 29. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A birthday as yyyy-mm-dd; one without a year in any of LACRM's forms is sent as 0000-MM-DD,
 * the form LACRM returns.
 */
function readBirthday(raw: unknown, ctx: ReadContext, label: string): string | undefined {
	const yearless = typeof raw === 'string' ? YEARLESS.exec(raw.trim()) : null;
	if (!yearless) return readDate(raw, ctx, label);
	const month = Number(yearless[1]);
	const day = Number(yearless[2]);
	if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]) {
		throw fieldError(
			ctx,
			label,
			`"${String(raw).trim()}" is not a day of the year (without a year use 0000-mm-dd or m-d, e.g. 0000-07-25 or 7-25)`,
		);
	}
	return `0000-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function birthday(): Field<'Birthday'> {
	const field = date({
		key: 'Birthday',
		displayName: 'Birthday',
		name: 'birthday',
		clearable: true,
		description:
			'A date (yyyy-mm-dd). Without a year: 0000-mm-dd or m-d, e.g. 0000-07-25 or 7-25 (type it as an expression).',
	});
	return { ...field, read: (raw, ctx) => readBirthday(raw, ctx, 'Birthday') };
}
