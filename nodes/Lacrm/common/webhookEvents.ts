import type { WebhookEvent } from '../transport/types';

/** Every LACRM webhook event, as the trigger and the Webhook resource offer them. */
export const WEBHOOK_EVENTS: Array<{ name: string; value: WebhookEvent; description: string }> = [
	{
		name: 'Contact Added to Group',
		value: 'GroupMembership.Create',
		description: 'Contacts were added to a group',
	},
	{
		name: 'Contact Created',
		value: 'Contact.Create',
		description: 'A contact or company was created',
	},
	{
		name: 'Contact Deleted',
		value: 'Contact.Delete',
		description: 'A contact or company was deleted',
	},
	{
		name: 'Contact Removed From Group',
		value: 'GroupMembership.Delete',
		description: 'Contacts were removed from a group',
	},
	{
		name: 'Contact Updated',
		value: 'Contact.Update',
		description: 'A contact or company was edited',
	},
	{ name: 'Event Created', value: 'Event.Create', description: 'A calendar event was created' },
	{ name: 'Event Deleted', value: 'Event.Delete', description: 'A calendar event was deleted' },
	{ name: 'Event Updated', value: 'Event.Update', description: 'A calendar event was edited' },
	{
		name: 'Pipeline Item Created',
		value: 'PipelineItemStatus.Create',
		description: 'A pipeline item got its first status',
	},
	{
		name: 'Pipeline Item Deleted',
		value: 'PipelineItemStatus.Delete',
		description: 'A pipeline item was deleted',
	},
	{
		name: 'Pipeline Item Status Changed',
		value: 'PipelineItemStatus.Update',
		description: 'A pipeline item moved to another status',
	},
	{
		name: 'Web Form Submitted',
		value: 'PublicForm.Submit',
		description: 'Someone submitted one of your LACRM web forms',
	},
];
