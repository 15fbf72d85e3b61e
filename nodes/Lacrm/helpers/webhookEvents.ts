import type { WebhookEvent } from '../transport/types';

/**
 * LACRM's webhook events, as the trigger and the Webhook resource offer them: exactly the seven
 * on LACRM's Using-webhooks page ("we currently only support webhooks for a limited number of CRM
 * events"). Names read as the user picks them; the value is LACRM's name.
 */
export const WEBHOOK_EVENTS: Array<{ name: string; value: WebhookEvent; description: string }> = [
	{
		name: 'Contact Added to Group',
		value: 'GroupMembership.Create',
		description: 'Contacts were added to a group',
	},
	{
		name: 'Contact or Company Created',
		value: 'Contact.Create',
		description: 'A contact or company was created (also by a web form)',
	},
	{ name: 'Event Created', value: 'Event.Create', description: 'A calendar event was created' },
	{ name: 'Event Deleted', value: 'Event.Delete', description: 'A calendar event was deleted' },
	{ name: 'Event Updated', value: 'Event.Update', description: 'A calendar event was edited' },
	{
		name: 'Pipeline Item Created',
		value: 'PipelineItemStatus.Create',
		description: 'A pipeline item was created with its first status',
	},
	{
		name: 'Pipeline Item Status Changed',
		value: 'PipelineItemStatus.Update',
		description: 'A pipeline item moved to another status',
	},
];

/** "PipelineItemStatus.Update" → "Pipeline item status changed": how outputs and the subtitle name an event. */
export function webhookEventLabel(event: string): string {
	const option = WEBHOOK_EVENTS.find((candidate) => candidate.value === event);
	if (!option) return event;
	return option.name.charAt(0) + option.name.slice(1).toLowerCase();
}

/** Where to point someone who needs a change LACRM sends no webhook for. */
export const POLLING_TRIGGER_HINT =
	'LACRM sends webhooks for these seven events only. For contact or company edits, or pipeline item edits, use the Less Annoying CRM Polling Trigger.';

/**
 * Event names this package once offered that LACRM does not document (they came from a digest
 * that contradicts itself): a workflow saved with one gets this explanation instead of a hook
 * that never fires.
 */
const RETIRED_WEBHOOK_EVENTS: Record<string, string> = {
	'Contact.Update':
		'For contact or company edits use the Less Annoying CRM Polling Trigger ("New or Updated Contact" or "New or Updated Company").',
	'Contact.Delete':
		'LACRM sends no webhook when a contact or company is deleted, and polling cannot see deletions either.',
	'GroupMembership.Delete':
		'LACRM sends no webhook when a contact leaves a group; "Contact Added to Group" is the group event it sends.',
	'PipelineItemStatus.Delete':
		'LACRM sends no webhook when a pipeline item is deleted. For pipeline item edits use the Less Annoying CRM Polling Trigger ("New or Updated Pipeline Item").',
	'PublicForm.Submit':
		'A web form submission creates a contact: choose "Contact or Company Created" instead.',
};

/** Why an event is not offered, and what to use instead; undefined for the seven LACRM sends. */
export function unsupportedWebhookEvent(event: string): string | undefined {
	if (WEBHOOK_EVENTS.some((option) => option.value === event)) return undefined;
	return (
		RETIRED_WEBHOOK_EVENTS[event] ??
		`LACRM sends webhooks for ${WEBHOOK_EVENTS.map((option) => option.value).join(', ')} only.`
	);
}
