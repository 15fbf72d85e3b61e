/**
 * Every resource of the Less Annoying CRM node, in one list. Together their operations call all
 * 79 LACRM API v2 functions (test/unit/coverage.test.ts checks that).
 */
import { companyResource, contactResource } from './contact';
import { emailResource } from './email';
import { eventResource } from './event';
import { fileResource } from './file';
import { groupMembershipResource } from './groupMembership';
import { noteResource } from './note';
import type { ResourceDefinition } from './operation';
import { pipelineItemResource } from './pipelineItem';
import { relationshipResource } from './relationship';
import { taskResource } from './task';

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
];
