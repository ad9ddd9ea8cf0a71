export * from './common.js';
export * from './errors.js';
export * from './project.js';
export * from './batch.js';
export * from './task.js';
export * from './file.js';
export * from './task-types/index.js';
export * from './callbacks.js';
