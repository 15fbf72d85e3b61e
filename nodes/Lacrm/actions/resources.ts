/**
 * Every resource of the Less Annoying CRM node, in one list. Together their operations call all
 * 79 LACRM API v2 functions (test/unit/coverage.test.ts checks that).
 */
import { calendarResource } from './calendar';
import { companyResource, contactResource } from './contact';
import { customFieldResource } from './customField';
import { emailResource } from './email';
import { eventResource } from './event';
import { fileResource } from './file';
import { groupResource } from './group';
import { groupMembershipResource } from './groupMembership';
import { noteResource } from './note';
import type { ResourceDefinition } from '../helpers/operation';
import { pipelineResource } from './pipeline';
import { pipelineItemResource } from './pipelineItem';
import { pipelineStatusResource } from './pipelineStatus';
import { relationshipResource } from './relationship';
import { taskResource } from './task';
import { teamResource } from './team';
import { userResource } from './user';
import { webhookResource } from './webhook';

export const RESOURCES: ResourceDefinition[] = [
	contactResource,
	companyResource,
	noteResource,
	taskResource,
	eventResource,
	emailResource,
	fileResource,
	groupMembershipResource,
	pipelineItemResource,
	relationshipResource,
	calendarResource,
	customFieldResource,
	groupResource,
	pipelineResource,
	pipelineStatusResource,
	teamResource,
	userResource,
	webhookResource,
];
