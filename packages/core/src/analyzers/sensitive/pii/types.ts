/** Kinds of personal data the recognizers find (finding code `pii.<type>`). */
export type PiiType =
  | 'credit_card'
  | 'iban'
  | 'email'
  | 'phone'
  | 'ip_address'
  | 'us_ssn'
  | 'cn_resident_id'
  | 'national_id'
  | 'passport'
  | 'street_address'
  | 'person_name'
  | 'credential';

export interface PiiCandidate {
  type: PiiType;
  /** UTF-16 offsets into the text given to `detectPii` (the original text), end exclusive. */
  start: number;
  end: number;
  /** 0–1: pattern strength after validators and context. */
  score: number;
  /** Which checks made the decision, for explanations. Never contains the value. */
  reason: string;
  /**
   * Set on phone numbers and e-mail addresses written with first-person contact words
   * ("call me directly on …", "打我电话", "my e-mail is …"): an invitation to direct contact.
   */
  invitesContact?: boolean;
}

export interface RecognizerOptions {
  /** Region for national phone numbers (the customer's country, ISO 3166-1 alpha-2). */
  defaultCountry?: string | undefined;
}

/** One recognizer: candidates in `text` (offsets into `text`). */
export type Recognizer = (text: string, options: RecognizerOptions) => PiiCandidate[];
