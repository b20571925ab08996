/** Version of the cxqa engine recorded in every result. */
export const ENGINE_VERSION = '0.1.0';

/** Version of the Result record's shape (`Result.schemaVersion`); results without one are version 1. */
export const RESULT_SCHEMA_VERSION = 2;
