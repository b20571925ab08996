export { type LogisticOptions, trainLogistic } from './train-logistic.js';
