export { trainLogistic, type LogisticOptions } from './train-logistic.js';
