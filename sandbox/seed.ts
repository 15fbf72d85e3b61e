import { addDays, dateOf, startOfDate, tzOffsetMinutes } from './core/dates';
import { blankContact, createContact, insertContact } from './functions/contacts';
import { addNote } from './functions/notes';
import type {
	Calendar,
	CalendarEvent,
	Contact,
	CustomField,
	CustomFieldRecordType,
	CustomFieldType,
	Group,
	Pipeline,
	PipelineItem,
	PipelineStatus,
	Store,
	Task,
	Team,
	User,
} from './store';

/**
 * The demo account and the bulk generator. Content comes from the store's seeded PRNG, so the same
 * randomSeed always yields the same records and ids. Dates are placed relative to the sandbox
 * clock at seeding time (tasks due "today", events "tomorrow"), so set the clock before reset()
 * if a test needs fixed dates.
 */

const DAY = 86_400_000;

export const SEED_USERS: readonly User[] = [
	{
		UserId: '100001',
		FirstName: 'Jane',
		LastName: 'Owner',
		Email: 'jane.owner@sandbox.example',
		Timezone: 'America/Chicago',
		IsAdmin: true,
	},
	{
		UserId: '100002',
		FirstName: 'Sam',
		LastName: 'Seller',
		Email: 'sam.seller@sandbox.example',
		Timezone: 'America/New_York',
		IsAdmin: false,
	},
	{
		UserId: '100003',
		FirstName: 'Riley',
		LastName: 'Support',
		Email: 'riley.support@sandbox.example',
		Timezone: 'America/Los_Angeles',
		IsAdmin: false,
	},
];

export const ADMIN_USER_ID = SEED_USERS[0].UserId;

const FIRST_NAMES = [
	'Olivia',
	'Liam',
	'Emma',
	'Noah',
	'Ava',
	'Elijah',
	'Sophia',
	'Mateo',
	'Isabella',
	'Lucas',
	'Mia',
	'Levi',
	'Amelia',
	'Asher',
	'Harper',
	'James',
	'Evelyn',
	'Leo',
	'Luna',
	'Grayson',
	'Camila',
	'Ezra',
	'Sofia',
	'Jack',
	'Aria',
	'Hudson',
	'Scarlett',
	'Wyatt',
	'Chloe',
	'Kai',
	'Priya',
	'Wei',
	'Fatima',
	'Diego',
	'Yuki',
	'Omar',
	'Ingrid',
	'Kwame',
	'Lucia',
	'Arjun',
];
const LAST_NAMES = [
	'Smith',
	'Johnson',
	'Williams',
	'Brown',
	'Jones',
	'Garcia',
	'Miller',
	'Davis',
	'Rodriguez',
	'Martinez',
	'Hernandez',
	'Lopez',
	'Gonzalez',
	'Wilson',
	'Anderson',
	'Thomas',
	'Taylor',
	'Moore',
	'Jackson',
	'Martin',
	'Lee',
	'Perez',
	'Thompson',
	'White',
	'Harris',
	'Sanchez',
	'Clark',
	'Ramirez',
	'Lewis',
	'Robinson',
	'Okafor',
	'Nakamura',
	'Patel',
	'Kowalski',
	'Novak',
	'Haddad',
];
const JOB_TITLES = [
	'CEO',
	'CTO',
	'Office Manager',
	'Purchasing Lead',
	'Sales Director',
	'Owner',
	'Accountant',
	'Operations Manager',
	'Consultant',
	'',
];
const CITIES: ReadonlyArray<[string, string]> = [
	['Springfield', 'MO'],
	['Austin', 'TX'],
	['Denver', 'CO'],
	['Portland', 'OR'],
	['Madison', 'WI'],
	['Raleigh', 'NC'],
	['Boise', 'ID'],
];

export function seedUsers(store: Store): void {
	for (const u of SEED_USERS) {
		store.users.set(u.UserId, { ...u });
		const calendar: Calendar = {
			CalendarId: store.newId(),
			Name: `${u.FirstName} ${u.LastName}`,
			UserId: u.UserId,
			IsPrimary: true,
			Visibility: '',
		};
		store.calendars.set(calendar.CalendarId, calendar);
	}
}

interface FieldDef {
	name: string;
	type: CustomFieldType;
	options?: string[];
	/** Options answered as plain names rather than {OptionId, Name}: both shapes occur in the wild. */
	optionsAsNames?: boolean;
	required?: boolean;
}

function addField(
	store: Store,
	now: number,
	recordType: CustomFieldRecordType,
	def: FieldDef,
	pipelineId: string | null = null,
): CustomField {
	const field: CustomField = {
		CustomFieldId: store.newId(),
		Name: def.name,
		Type: def.type,
		RecordType: recordType,
		PipelineId: pipelineId,
		IsRequired: def.required ?? false,
		ShowOnActiveBadge: recordType === 'Pipeline',
		ShowOnClosedBadge: false,
		ShowOnReport: recordType === 'Pipeline',
		Options: (def.options ?? []).map((Name) => ({ OptionId: store.newId(), Name })),
		OptionsAsNames: def.optionsAsNames,
		DateDisplaySettings: null,
		CurrencyDisplaySettings: null,
		DateCreated: now - 400 * DAY,
	};
	store.customFields.set(field.CustomFieldId, field);
	return field;
}

function addPipeline(
	store: Store,
	now: number,
	name: string,
	icon: string,
	statuses: Array<[string, boolean, string]>,
	archived = false,
): { pipeline: Pipeline; statuses: PipelineStatus[] } {
	const pipeline: Pipeline = {
		PipelineId: store.newId(),
		Name: name,
		Icon: icon,
		Permissions: 'Public',
		TeamIds: [],
		DateCreated: now - 400 * DAY,
		DateArchived: archived ? now - 30 * DAY : null,
		StatusIds: [],
	};
	store.pipelines.set(pipeline.PipelineId, pipeline);
	const created = statuses.map(([statusName, isActive, color]) => {
		const s: PipelineStatus = {
			StatusId: store.newId(),
			PipelineId: pipeline.PipelineId,
			Name: statusName,
			IsActive: isActive,
			Color: color,
			DateCreated: pipeline.DateCreated,
		};
		store.statuses.set(s.StatusId, s);
		pipeline.StatusIds.push(s.StatusId);
		return s;
	});
	return { pipeline, statuses: created };
}

function optionId(field: CustomField, name: string): string {
	const option = field.Options.find((o) => o.Name === name);
	if (!option) throw new Error(`seed: ${field.Name} has no option ${name}`);
	return option.OptionId;
}

/** The demo account: 3 users, teams, groups, custom fields, 3 pipelines, companies, contacts and activity. */
export function seedDemo(store: Store, now: number): void {
	const rng = store.rng;
	const [jane, sam, riley] = SEED_USERS.map((u) => u.UserId);
	const today = dateOf(now);

	const sharedCalendar: Calendar = {
		CalendarId: store.newId(),
		Name: 'Team Calendar',
		UserId: jane,
		IsPrimary: false,
		Visibility: 'Public',
	};
	store.calendars.set(sharedCalendar.CalendarId, sharedCalendar);

	const teams: Team[] = [
		{ TeamId: store.newId(), Name: 'Sales', DateCreated: now - 300 * DAY, UserIds: [jane, sam] },
		{ TeamId: store.newId(), Name: 'Support', DateCreated: now - 300 * DAY, UserIds: [riley] },
	];
	for (const t of teams) store.teams.set(t.TeamId, t);

	const groupDefs: Array<[string, string, string, string[]]> = [
		['VIP Clients', 'Public', 'Blue', []],
		['Newsletter', 'Public', 'Green', []],
		['Prospects', 'Private', 'Orange', []],
		['Partners', 'Teams', 'Purple', [teams[0].TeamId]],
	];
	const groups: Group[] = groupDefs.map(([Name, Sharing, Color, TeamIds]) => ({
		GroupId: store.newId(),
		Name,
		Sharing,
		TeamIds,
		Color,
		DateCreated: now - 200 * DAY,
		Members: new Set<string>(),
	}));
	for (const g of groups) store.groups.set(g.GroupId, g);

	const industry = addField(store, now, 'Contact', {
		name: 'Industry',
		type: 'Dropdown',
		options: ['Retail', 'Manufacturing', 'Software', 'Healthcare', 'Finance', 'Education'],
	});
	const interests = addField(store, now, 'Contact', {
		name: 'Interests',
		type: 'Checkbox',
		options: ['Product A', 'Product B', 'Support Plan', 'Training'],
	});
	const leadScore = addField(store, now, 'Contact', { name: 'Lead Score', type: 'Number' });
	const nextReview = addField(store, now, 'Contact', { name: 'Next Review', type: 'Date' });
	const referral = addField(store, now, 'Contact', { name: 'Referral Source', type: 'Text' });
	addField(store, now, 'Contact', { name: 'Marketing', type: 'Section' });
	const revenue = addField(store, now, 'Company', { name: 'Annual Revenue', type: 'Currency' });
	const size = addField(store, now, 'Company', {
		name: 'Company Size',
		type: 'RadioList',
		options: ['1-10', '11-50', '51-200', '201+'],
		optionsAsNames: true,
	});
	const tier = addField(store, now, 'Company', {
		name: 'Account Tier',
		type: 'Dropdown',
		options: ['Bronze', 'Silver', 'Gold'],
	});

	const sales = addPipeline(store, now, 'Sales Leads', 'dollar_sign', [
		['New', true, '#486581'],
		['Contacted', true, '#2bb0ed'],
		['Proposal Sent', true, '#f0b429'],
		['Won', false, '#3ebd93'],
		['Lost', false, '#e12d39'],
	]);
	const salesField = (def: FieldDef) =>
		addField(store, now, 'Pipeline', def, sales.pipeline.PipelineId);
	const hunter = salesField({ name: 'Hunter', type: 'Text', required: true });
	const dealValue = salesField({ name: 'Deal Value', type: 'Currency' });
	const priority = salesField({
		name: 'Priority',
		type: 'Dropdown',
		options: ['Low', 'Medium', 'High'],
	});
	const products = salesField({
		name: 'Products',
		type: 'Checkbox',
		options: ['Product A', 'Product B', 'Support Plan'],
	});
	const expectedClose = salesField({ name: 'Expected Close', type: 'Date' });

	const support = addPipeline(store, now, 'Support Tickets', 'lightbulb', [
		['Open', true, '#e12d39'],
		['Waiting on Customer', true, '#f7c948'],
		['Resolved', false, '#3ebd93'],
	]);
	const supportField = (def: FieldDef) =>
		addField(store, now, 'Pipeline', def, support.pipeline.PipelineId);
	const severity = supportField({
		name: 'Severity',
		type: 'RadioList',
		options: ['Low', 'Normal', 'Urgent'],
		optionsAsNames: true,
	});
	supportField({ name: 'Ticket Summary', type: 'TextArea' });
	addPipeline(
		store,
		now,
		'Old Deals',
		'briefcase',
		[
			['Open', true, '#486581'],
			['Closed', false, '#9fb3c8'],
		],
		true,
	);

	// Companies first, so people can be linked to them.
	const companyNames = [
		'Acme Inc',
		'Globex Corporation',
		'Initech',
		'Umbrella Health',
		'Stark Industries',
	];
	const companies: Contact[] = companyNames.map((name, i) => {
		const c = blankContact(
			store.newId(),
			now - (500 - i * 7) * DAY,
			i % 2 === 0 ? jane : sam,
			true,
		);
		c.CompanyName = name;
		const domain = name.toLowerCase().replace(/[^a-z]/g, '') + '.example';
		c.Website = [{ Text: `https://www.${domain}`, TypeId: 1 }];
		c.Phone = [{ Text: `555-01${String(10 + i)}`, TypeId: 1 }];
		const [city, state] = CITIES[i % CITIES.length];
		c.Address = [
			{
				Street: `${100 + i * 11} Main St`,
				City: city,
				State: state,
				Zip: String(65800 + i),
				Country: 'US',
				TypeId: 1,
			},
		];
		c.Custom = {
			[revenue.CustomFieldId]: (i + 1) * 250_000,
			[size.CustomFieldId]: optionId(size, size.Options[i % size.Options.length].Name),
			[tier.CustomFieldId]: optionId(tier, tier.Options[i % tier.Options.length].Name),
		};
		c.LastUpdate = c.DateCreated + DAY;
		insertContact(store, c);
		return c;
	});

	const people: Contact[] = [];
	const usedNames = new Set<string>();
	for (let i = 0; i < 20; i++) {
		let first: string;
		let last: string;
		do {
			first = rng.pick(FIRST_NAMES);
			last = rng.pick(LAST_NAMES);
		} while (usedNames.has(`${first} ${last}`));
		usedNames.add(`${first} ${last}`);
		const company = i < 12 ? companies[i % companies.length] : null;
		const domain = company
			? company.CompanyName.toLowerCase().replace(/[^a-z]/g, '') + '.example'
			: 'mail.example';
		const c = blankContact(
			store.newId(),
			now - (360 - i * 15) * DAY,
			[jane, sam, riley][i % 3],
			false,
		);
		c.FirstName = first;
		c.LastName = last;
		if (i % 7 === 3) c.Salutation = 'Dr.';
		c.Email = [{ Text: `${first}.${last}@${domain}`.toLowerCase(), TypeId: company ? 1 : 2 }];
		if (i % 4 === 0)
			c.Email.push({ Text: `${first[0]}${last}@mail.example`.toLowerCase(), TypeId: 2 });
		c.Phone = [{ Text: `555-02${String(10 + i).padStart(2, '0')}`, TypeId: i % 2 === 0 ? 2 : 1 }];
		c.JobTitle = rng.pick(JOB_TITLES);
		if (company) c.CompanyId = company.ContactId;
		if (i % 5 === 1) c.Birthday = `19${70 + i}-0${1 + (i % 9)}-1${i % 9}`;
		if (i % 6 === 0) c.BackgroundInfo = 'Met at the spring trade show.';
		const custom: Record<string, unknown> = {
			[industry.CustomFieldId]: industry.Options[i % industry.Options.length].OptionId,
			[leadScore.CustomFieldId]: rng.int(1, 100),
		};
		if (i % 2 === 0)
			custom[interests.CustomFieldId] = [
				interests.Options[i % 4].OptionId,
				interests.Options[(i + 1) % 4].OptionId,
			];
		if (i % 3 === 0) custom[nextReview.CustomFieldId] = addDays(today, 10 + i);
		if (i % 4 === 1)
			custom[referral.CustomFieldId] = rng.pick(['Website', 'Referral', 'Trade show', 'Cold call']);
		c.Custom = custom;
		c.LastUpdate = Math.min(now, c.DateCreated + rng.int(0, 30) * DAY);
		insertContact(store, c);
		people.push(c);
	}

	// Group memberships.
	for (const [gi, members] of [
		[0, [0, 1, 2, 5, 8]],
		[1, [0, 3, 4, 6, 9, 12, 15]],
		[2, [13, 14, 16, 17]],
		[3, [10, 11]],
	] as Array<[number, number[]]>) {
		for (const m of members) groups[gi].Members.add(people[m].ContactId);
	}
	groups[0].Members.add(companies[0].ContactId);

	// Pipeline items.
	const salesStatuses = sales.statuses;
	for (let i = 0; i < 12; i++) {
		const person = people[i];
		const status = salesStatuses[i % salesStatuses.length];
		const created = now - (90 - i * 5) * DAY;
		const item: PipelineItem = {
			PipelineItemId: store.newId(),
			PipelineId: sales.pipeline.PipelineId,
			StatusId: status.StatusId,
			ContactId: person.ContactId,
			DateCreated: created,
			CreatedBy: person.AssignedTo,
			LastUpdate: created + (i % 4) * DAY,
			LastUpdatedBy: person.AssignedTo,
			NumberOfUpdates: i % 4,
			LastNote: i % 3 === 0 ? 'Sent pricing' : '',
			Custom: {
				[hunter.CustomFieldId]: rng.pick(['Jane', 'Sam', 'Matt']),
				[dealValue.CustomFieldId]: rng.int(10, 200) * 100,
				[priority.CustomFieldId]: priority.Options[i % 3].OptionId,
				[products.CustomFieldId]: [products.Options[i % 3].OptionId],
				[expectedClose.CustomFieldId]: addDays(today, 7 * (i + 1)),
			},
		};
		store.pipelineItems.set(item.PipelineItemId, item);
		if (item.LastNote) {
			addNote(
				store,
				person.ContactId,
				person.AssignedTo,
				item.LastNote,
				item.LastUpdate,
				item.LastUpdate,
				{
					PipelineId: item.PipelineId,
					PipelineItemId: item.PipelineItemId,
					StatusId: item.StatusId,
					PreviousStatusId: null,
				},
			);
		}
	}
	for (let i = 0; i < 4; i++) {
		const person = people[12 + i];
		const item: PipelineItem = {
			PipelineItemId: store.newId(),
			PipelineId: support.pipeline.PipelineId,
			StatusId: support.statuses[i % 3].StatusId,
			ContactId: person.ContactId,
			DateCreated: now - (20 - i) * DAY,
			CreatedBy: riley,
			LastUpdate: now - (10 - i) * DAY,
			LastUpdatedBy: riley,
			NumberOfUpdates: 1,
			LastNote: '',
			Custom: { [severity.CustomFieldId]: severity.Options[i % 3].OptionId },
		};
		store.pipelineItems.set(item.PipelineItemId, item);
	}

	// Notes.
	const noteTexts = [
		'Called, left voicemail.',
		'Discussed renewal options.',
		'Sent the quote by email.',
		'Asked for a demo next week.',
		'Prefers email over phone.',
	];
	for (let i = 0; i < 10; i++) {
		const person = people[(i * 3) % people.length];
		const when = now - (40 - i * 3) * DAY;
		addNote(
			store,
			person.ContactId,
			person.AssignedTo,
			noteTexts[i % noteTexts.length],
			when,
			when,
		);
	}

	// Tasks: due around today, some completed.
	for (let i = 0; i < 10; i++) {
		const person = i < 8 ? people[i * 2] : null;
		const assignee = [jane, sam, riley][i % 3];
		const due = addDays(today, i - 3);
		const completed = i < 3;
		const task: Task = {
			TaskId: store.newId(),
			Name:
				['Follow up', 'Send contract', 'Prepare proposal', 'Call back', 'Check invoice'][i % 5] +
				(person ? ` with ${person.FirstName}` : ''),
			DueDate: due,
			AssignedTo: assignee,
			Description: i % 2 === 0 ? 'Created by the demo seed.' : '',
			ContactId: person ? person.ContactId : null,
			IsCompleted: completed,
			DateCompleted: completed ? startOfDate(due) + 15 * 3_600_000 : null,
			CalendarId: store.primaryCalendarOf(assignee).CalendarId,
			DateCreated: now - (10 - i) * DAY,
		};
		store.tasks.set(task.TaskId, task);
	}

	// Events: yesterday to next week, with user and contact attendees.
	for (let i = 0; i < 6; i++) {
		const owner = [jane, sam][i % 2];
		const start = startOfDate(addDays(today, i - 1)) + (9 + i) * 3_600_000;
		const person = people[i + 1];
		const event: CalendarEvent = {
			EventId: store.newId(),
			Name: [
				'Demo call',
				'Quarterly review',
				'Site visit',
				'Kick-off meeting',
				'Lunch',
				'Contract signing',
			][i],
			StartDate: start,
			EndDate: start + 3_600_000,
			OffsetMinutes: tzOffsetMinutes(start),
			IsAllDay: false,
			Location: i % 2 === 0 ? 'Zoom' : 'Office',
			Description: '',
			CalendarId: store.primaryCalendarOf(owner).CalendarId,
			Attendees: [
				{ IsUser: true, AttendeeId: owner, AttendanceStatus: 'IsAttending' },
				{
					IsUser: false,
					AttendeeId: person.ContactId,
					AttendanceStatus: i % 3 === 0 ? 'Maybe' : 'IsAttending',
				},
			],
			IsRecurring: false,
			RecurrenceRule: '',
			EndRecurrenceDate: null,
			DateCreated: now - 14 * DAY,
			DateUpdated: now - 14 * DAY,
			CreatedBy: owner,
		};
		store.events.set(event.EventId, event);
	}

	// Logged emails.
	for (let i = 0; i < 3; i++) {
		const person = people[i];
		const id = store.newId();
		store.emails.set(id, {
			EmailId: id,
			ContactIds: [person.ContactId],
			UserIsSender: i !== 1,
			From:
				i !== 1
					? { Address: 'jane.owner@sandbox.example', Name: 'Jane Owner' }
					: { Address: person.Email[0].Text, Name: `${person.FirstName} ${person.LastName}` },
			To: [
				i !== 1
					? { Address: person.Email[0].Text, Name: `${person.FirstName} ${person.LastName}` }
					: { Address: 'jane.owner@sandbox.example', Name: 'Jane Owner' },
			],
			Cc: [],
			Subject: ['Welcome aboard', 'Re: pricing question', 'Your quote'][i],
			Body: [
				'Great to meet you!',
				'Could you send the price list?',
				'Please find the quote attached.',
			][i],
			Date: now - (5 - i) * DAY,
			UserId: jane,
			DateCreated: now - (5 - i) * DAY,
		});
	}

	// Relationships.
	for (const [a, b, note] of [
		[people[0], people[1], 'Referred by'],
		[people[2], companies[3], 'Former employer'],
	] as Array<[Contact, Contact, string]>) {
		const id = store.newId();
		store.relationships.set(id, {
			RelationshipId: id,
			ContactId1: a.ContactId,
			ContactId2: b.ContactId,
			Note: note,
			CreatedBy: jane,
			DateCreated: now - 60 * DAY,
			DateEdited: now - 60 * DAY,
		});
	}

	// One file, so GetFile/GetFilesAttachedToContact have something to return.
	const fileId = store.newId();
	store.files.set(fileId, {
		FileId: fileId,
		CreatedBy: jane,
		FileType: 'text/plain',
		DateCreated: now - 3 * DAY,
		FileName: 'welcome.txt',
		DisplayName: 'welcome.txt',
		ParentId: people[0].ContactId,
		IsPrimary: true,
		DateDeleted: null,
		Bytes: Buffer.from('Welcome to the LACRM sandbox!\n'),
		PreviousVersionIds: [],
	});

	for (const name of ['Contact Us', 'Newsletter Signup']) {
		const formId = store.newId();
		store.forms.set(formId, { FormId: formId, FormName: name, OwnerUserId: jane });
	}
}

/**
 * Append `n` contacts quickly (benchmarks page through 100,000+). Records are built directly,
 * without per-call validation or webhooks; `companies` companies are created first and the
 * contacts are spread over them round-robin. Creation times are staggered one second apart,
 * ending at the current sandbox time, so DateCreated order equals insertion order.
 */
export function seedBulkContacts(
	store: Store,
	now: number,
	n: number,
	opts: { companies?: number } = {},
): void {
	if (!Number.isInteger(n) || n < 0)
		throw new TypeError('seedContacts(n): n must be a non-negative integer');
	const companyCount = opts.companies ?? 0;
	if (!Number.isInteger(companyCount) || companyCount < 0)
		throw new TypeError('seedContacts: companies must be a non-negative integer');
	const rng = store.rng;
	const userIds = [...store.users.keys()];
	const batch = store.contacts.size;
	const companyIds: string[] = [];
	for (let k = 0; k < companyCount; k++) {
		let name = `Bulk Company ${batch + k + 1}`;
		while (store.companyNamed(name)) name += '+';
		const company = createContact(store, 'seedContacts', now - (n + companyCount - k) * 1000, {
			isCompany: true,
			assignedTo: userIds[k % userIds.length],
			name,
		});
		companyIds.push(company.ContactId);
	}
	const firstCount = FIRST_NAMES.length;
	const lastCount = LAST_NAMES.length;
	for (let i = 0; i < n; i++) {
		const first = FIRST_NAMES[Math.floor(rng.next() * firstCount)];
		const last = LAST_NAMES[Math.floor(rng.next() * lastCount)];
		const serial = batch + i + 1;
		const created = now - (n - i) * 1000;
		const c: Contact = {
			ContactId: store.newId(),
			IsCompany: false,
			AssignedTo: userIds[i % userIds.length],
			Salutation: '',
			FirstName: first,
			MiddleName: '',
			LastName: last,
			Suffix: '',
			CompanyName: '',
			CompanyId: companyIds.length > 0 ? companyIds[i % companyIds.length] : null,
			Email: [
				{ Text: `${first.toLowerCase()}.${last.toLowerCase()}.${serial}@bulk.example`, TypeId: 1 },
			],
			Phone: [{ Text: `555-${String(serial % 10_000_000).padStart(7, '0')}`, TypeId: 2 }],
			Website: EMPTY,
			Address: EMPTY_ADDRESSES,
			JobTitle: '',
			BackgroundInfo: '',
			Birthday: null,
			DateCreated: created,
			LastUpdate: created,
			Custom: null,
		};
		store.contacts.set(c.ContactId, c);
	}
}

/** Shared empty lists: 100,000 contacts need not carry 200,000 empty arrays. Never mutated (edits replace the list). */
const EMPTY = Object.freeze([]) as unknown as never[];
const EMPTY_ADDRESSES = Object.freeze([]) as unknown as never[];
