/** The contact/company fields LACRM knows, described once for create, update and upsert. */
import type { Field } from '../fields';
import { addressList, date, text, typedTextList, uid } from '../fields';
import type { RecordKind } from './kind';

export function recordId(kind: RecordKind): Field {
	return uid({
		key: 'ContactId',
		displayName: kind.isCompany ? 'Company' : 'Contact',
		name: 'contactId',
		locator: kind.locator,
		required: true,
		description: `The ${kind.noun}. Its ContactId comes from Get Many, Create or a trigger.`,
	});
}

export function nameField(kind: RecordKind, required: boolean): Field {
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

export function assignedToField(kind: RecordKind, forUpdate: boolean): Field {
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
export function detailFields(kind: RecordKind): Field[] {
	const fields: Field[] = [
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
		date({
			key: 'Birthday',
			displayName: kind.isCompany ? 'Founded / Anniversary' : 'Birthday',
			name: 'birthday',
			clearable: true,
			description: 'A date (yyyy-mm-dd)',
		}),
	];
	if (!kind.isCompany) {
		fields.push(
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
