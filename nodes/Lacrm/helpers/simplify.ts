/**
 * "Simplify" for read operations: LACRM nests names, emails, phones and addresses; a flat record
 * is what a sheet, a Slack message or an AI agent wants. Custom fields already come back as keys
 * named after the field and are kept as they are.
 */
import type { IDataObject } from 'n8n-workflow';

const NAME_PARTS = ['Salutation', 'FirstName', 'MiddleName', 'LastName', 'Suffix'] as const;

export function fullName(name: unknown): string {
	if (typeof name === 'string') return name;
	if (!name || typeof name !== 'object') return '';
	const parts = name as IDataObject;
	return NAME_PARTS.map((part) => parts[part])
		.filter((part) => typeof part === 'string' && part.trim() !== '')
		.join(' ');
}

/**
 * The name a contact or company is known by. A company's name is its "Company Name"; LACRM may
 * leave a company's Name parts empty.
 */
export function recordName(record: IDataObject): string {
	const company = record['Company Name'];
	if (record.IsCompany === true && typeof company === 'string' && company.trim() !== '')
		return company;
	return fullName(record.Name);
}

function texts(entries: unknown): string[] {
	if (!Array.isArray(entries)) return typeof entries === 'string' && entries ? [entries] : [];
	return entries
		.map((entry) =>
			typeof entry === 'string' ? entry : ((entry as IDataObject)?.Text as string | undefined),
		)
		.filter((value): value is string => typeof value === 'string' && value !== '');
}

function formatAddress(address: unknown): string {
	if (!address || typeof address !== 'object') return '';
	const parts = address as IDataObject;
	const cityLine = [parts.City, parts.State, parts.Zip].filter((part) => part).join(' ');
	return [parts.Street, cityLine, parts.Country].filter((part) => part).join(', ');
}

function userName(meta: unknown): string | undefined {
	if (!meta || typeof meta !== 'object') return undefined;
	const name =
		`${(meta as IDataObject).FirstName ?? ''} ${(meta as IDataObject).LastName ?? ''}`.trim();
	return name || undefined;
}

const CONTACT_STRUCTURED = new Set([
	'Name',
	'Email',
	'Phone',
	'Website',
	'Address',
	'UserMetaData',
	'CompanyMetaData',
]);

export function simplifyContact(contact: IDataObject): IDataObject {
	const name = contact.Name;
	const nameParts = (name && typeof name === 'object' ? name : {}) as IDataObject;
	const emails = texts(contact.Email);
	const phones = texts(contact.Phone);
	const websites = texts(contact.Website);
	const addresses = Array.isArray(contact.Address)
		? contact.Address.map(formatAddress).filter(Boolean)
		: [];
	const simplified: IDataObject = {
		ContactId: contact.ContactId,
		IsCompany: contact.IsCompany,
		Name: recordName(contact),
		FirstName: nameParts.FirstName ?? '',
		LastName: nameParts.LastName ?? '',
		Email: emails[0] ?? '',
		Emails: emails,
		Phone: phones[0] ?? '',
		Phones: phones,
		Website: websites[0] ?? '',
		Address: addresses[0] ?? '',
		Addresses: addresses,
		AssignedTo: contact.AssignedTo,
		AssignedToName: userName(contact.UserMetaData),
	};
	for (const [key, value] of Object.entries(contact)) {
		if (!CONTACT_STRUCTURED.has(key) && !(key in simplified)) simplified[key] = value;
	}
	return simplified;
}

function metaName(meta: unknown): string | undefined {
	return meta && typeof meta === 'object'
		? ((meta as IDataObject).Name as string | undefined)
		: undefined;
}

/** Pipeline items: pipeline, status and contact names next to their ids; custom fields kept. */
export function simplifyPipelineItem(item: IDataObject): IDataObject {
	const { PipelineMetaData, StatusMetaData, ContactMetaData, ...rest } = item;
	return {
		...rest,
		PipelineName: metaName(PipelineMetaData),
		StatusName: metaName(StatusMetaData),
		ContactName: metaName(ContactMetaData),
	};
}

/** Any record with *MetaData objects: replace each by a flat name. */
export function simplifyMetaData(record: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (!key.endsWith('MetaData')) {
			simplified[key] = value;
			continue;
		}
		const base = key.slice(0, -'MetaData'.length);
		if (Array.isArray(value)) {
			simplified[`${base}Names`] = value
				.map((entry) => metaName(entry) ?? userName(entry) ?? '')
				.filter(Boolean);
		} else {
			simplified[`${base}Name`] = metaName(value) ?? userName(value);
		}
	}
	return simplified;
}

/**
 * Contact and author names next to their ids. A note written as a pipeline item update carries
 * PipelineInfo, whose pipeline and status names are flattened the same way.
 */
export function simplifyNote(note: IDataObject): IDataObject {
	const simplified = simplifyMetaData(note);
	const pipelineInfo = note.PipelineInfo;
	if (pipelineInfo && typeof pipelineInfo === 'object' && !Array.isArray(pipelineInfo)) {
		simplified.PipelineInfo = simplifyMetaData(pipelineInfo as IDataObject);
	}
	return simplified;
}
