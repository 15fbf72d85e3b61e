import type { Contact, Store } from '../store';

/** The `…MetaData` companions LACRM puts next to ids, so clients need no second lookup. */

export function fullName(c: Contact): string {
	if (c.IsCompany) return c.CompanyName;
	return [c.Salutation, c.FirstName, c.MiddleName, c.LastName, c.Suffix]
		.filter((s) => s !== '')
		.join(' ');
}

/** A person's employer name (from the linked company when there is one). */
export function employerName(store: Store, c: Contact): string {
	if (c.IsCompany) return c.CompanyName;
	if (c.CompanyId) {
		const company = store.contacts.get(c.CompanyId);
		if (company) return company.CompanyName;
	}
	return c.CompanyName;
}

export function userMeta(
	store: Store,
	userId: string,
): { FirstName: string; LastName: string } | null {
	const u = store.users.get(userId);
	return u ? { FirstName: u.FirstName, LastName: u.LastName } : null;
}

export function contactMeta(
	store: Store,
	contactId: string | null,
): { Name: string; AssignedTo: string } | null {
	if (!contactId) return null;
	const c = store.contacts.get(contactId);
	return c ? { Name: fullName(c), AssignedTo: c.AssignedTo } : null;
}
