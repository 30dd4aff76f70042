// The whole drizzle schema, one module per area.
export * from './sources.js';
export * from './countries.js';
export * from './law.js';
export * from './cases.js';
export * from './practice.js';
export * from './meta.js';
export * from './search.js';
