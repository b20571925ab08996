/** Version of the cxqa engine recorded in every result. */
export const ENGINE_VERSION = '0.1.0';
