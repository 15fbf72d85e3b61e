/**
 * Contacts and companies are one LACRM record type (IsCompany tells them apart) shown as two
 * resources for clarity. Each operation is written once and instantiated for both kinds.
 */
import type { LocatorKind } from '../../helpers/fieldBuilders';

export interface RecordKind {
	resource: 'contact' | 'company';
	isCompany: boolean;
	/** "contact" / "company" */
	noun: string;
	/** "contacts" / "companies" */
	plural: string;
	locator: LocatorKind;
	/** GetContacts' RecordTypeFilter for this kind. */
	recordTypeFilter: 'Contacts' | 'Companies';
}

export const CONTACT: RecordKind = {
	resource: 'contact',
	isCompany: false,
	noun: 'contact',
	plural: 'contacts',
	locator: 'contact',
	recordTypeFilter: 'Contacts',
};

export const COMPANY: RecordKind = {
	resource: 'company',
	isCompany: true,
	noun: 'company',
	plural: 'companies',
	locator: 'company',
	recordTypeFilter: 'Companies',
};
