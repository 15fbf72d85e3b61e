export * from './client';
export * from './credentials';
export * from './errors';
export * from './functions';
export { refreshGate } from './refreshGate';
export type * from './types';
