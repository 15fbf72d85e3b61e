import { ApiError } from './core/errors';
import { isValidDate } from './core/dates';
import { createContact, serializeContact } from './functions/contacts';
import { applyCustomFieldInput, findFieldByName } from './functions/customFieldValues';
import type { EmittedEvent } from './webhookDelivery';
import type { PublicForm, Store } from './store';

/**
 * Public (web) form submissions. LACRM has no API function for them — a visitor fills a form —
 * so the sandbox triggers them through a control endpoint. A submission creates a contact from
 * the fields it recognises and fires Contact.Create (LACRM has no webhook event for the submission
 * itself, REFERENCE §13.3).
 */

const NAME_KEYS = ['Name', 'Full Name', 'FullName'];
const FIRST_KEYS = ['First Name', 'FirstName'];
const LAST_KEYS = ['Last Name', 'LastName'];
const CONTACT_KEYS: Record<string, string> = {
	email: 'email',
	phone: 'phone',
	website: 'website',
	'company name': 'companyName',
	company: 'companyName',
	'job title': 'jobTitle',
	'background info': 'backgroundInfo',
	birthday: 'birthday',
};

function pick(fields: Record<string, unknown>, keys: string[]): string | undefined {
	for (const k of keys) {
		const v = fields[k];
		if (typeof v === 'string' && v.trim() !== '') return v.trim();
	}
	return undefined;
}

export function formNamed(store: Store, formName: string): PublicForm {
	const wanted = formName.trim().toLowerCase();
	for (const f of store.forms.values()) if (f.FormName.toLowerCase() === wanted) return f;
	// Any name works: the form is created on first use, owned by the account admin.
	const admin = [...store.users.values()].find((u) => u.IsAdmin) ?? [...store.users.values()][0];
	const form: PublicForm = {
		FormId: store.newId(),
		FormName: formName.trim(),
		OwnerUserId: admin.UserId,
	};
	store.forms.set(form.FormId, form);
	return form;
}

export interface FormSubmission {
	form: PublicForm;
	contactId: string;
	submissionId: string;
	events: EmittedEvent[];
}

export function submitForm(
	store: Store,
	now: number,
	formName: string,
	fields: Record<string, unknown>,
): FormSubmission {
	if (!formName || formName.trim() === '')
		throw new ApiError('form-name', 'A form name is required.');
	if (!fields || typeof fields !== 'object' || Array.isArray(fields))
		throw new ApiError('form-fields', 'Form fields must be an object.');
	const form = formNamed(store, formName);
	const first = pick(fields, FIRST_KEYS);
	const last = pick(fields, LAST_KEYS);
	const email = pick(fields, ['Email', 'email']);
	const name =
		pick(fields, NAME_KEYS) ??
		([first, last].filter(Boolean).join(' ') || email || 'Web form submission');
	const mapped: Record<string, string> = {};
	const custom: Record<string, unknown> = {};
	const contactFields = store.customFieldsFor('Contact');
	for (const [key, value] of Object.entries(fields)) {
		const builtIn = CONTACT_KEYS[key.toLowerCase()];
		if (builtIn && typeof value === 'string') {
			mapped[builtIn] = value;
			continue;
		}
		const field = findFieldByName(contactFields, key);
		if (!field) continue;
		try {
			// Keep only values the field accepts; a form may collect anything.
			applyCustomFieldInput({
				store,
				fn: 'PublicForm.Submit',
				fields: [field],
				input: { [key]: value },
				existing: null,
				creating: false,
				recordLabel: 'contact',
			});
			custom[field.Name] = value;
		} catch {
			// a value the field does not accept is not stored on the contact
		}
	}
	const contact = createContact(store, 'PublicForm.Submit', now, {
		isCompany: false,
		assignedTo: form.OwnerUserId,
		name,
		companyName: mapped.companyName,
		email: mapped.email,
		phone: mapped.phone,
		website: mapped.website,
		jobTitle: mapped.jobTitle,
		backgroundInfo: mapped.backgroundInfo,
		birthday: mapped.birthday && isValidDate(mapped.birthday) ? mapped.birthday : null,
		custom,
	});
	const submissionId = store.newId();
	const serialized = serializeContact(store, contact);
	return {
		form,
		contactId: contact.ContactId,
		submissionId,
		events: [{ event: 'Contact.Create', payload: { Contacts: [serialized] } }],
	};
}
