/**
 * Every resource of the Less Annoying CRM node, in one list. Together their operations call all
 * 79 LACRM API v2 functions (test/unit/coverage.test.ts checks that).
 */
import { companyResource, contactResource } from './contact';
import type { ResourceDefinition } from './operation';

export const RESOURCES: ResourceDefinition[] = [contactResource, companyResource];
