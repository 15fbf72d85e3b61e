/**
 * In-process n8n engine harness: real workflows through n8n-core's WorkflowExecute, real node
 * execution contexts and the real OAuth2 token path, on whichever n8n-core / n8n-workflow pair
 * the jest project maps (1.122.48 / 1.120.31 or 2.41.1 / 2.41.0). See README.md.
 */
export * from './version';
export * from './credentials-helper';
export * from './node-types';
export * from './additional-data';
export * from './runner';
export * from './webhook-server';
export * from './poll';
export * from './load-options';
export * from './workflow';
export { shutdownEngine, registerEngineShutdown } from './engine';

import { registerEngineShutdown } from './engine';

registerEngineShutdown();
