/** `@cxqa/core/models`: the linear sentiment, emotion, politeness and conduct models, their features and training. */

export * from '../analyzers/courtesy/conduct-model/index.js';
export * from '../analyzers/courtesy/politeness/index.js';
export * from '../analyzers/sentiment/index.js';
export * from '../analyzers/sentiment/model/index.js';
export * from '../linear/index.js';
