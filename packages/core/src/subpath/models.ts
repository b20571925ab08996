/** `@cxqa/core/models`: the linear sentiment, emotion and politeness models, their features and training. */

export * from '../analyzers/sentiment/index.js';
export * from '../linear/index.js';
export * from '../politeness/index.js';
export * from '../sentiment/index.js';
