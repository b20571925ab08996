/** `@cxqa/core/pii`: the PII recognizers and their validators (Luhn, IBAN, SSN, CN resident ID, e-mail domains, phone numbers). */
export * from '../analyzers/sensitive/pii/index.js';
