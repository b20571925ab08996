import { execAll } from '../pii/tokens.js';

/** Links in free text: scheme URLs, www. hosts and bare domains with common TLDs (e-mail addresses excluded). */
const URL_RE =
  /(?<![\w@.-])(?:https?:\/\/[^\s<>"']+|www\.[^\s<>"']+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|shop|store|online|site|io|co|me|ly|gl|to|de|fr|es|it|nl|pl|pt|br|cn|jp|uk|us|ru|info|biz|xyz|link|page)(?:\/[^\s<>"']*)?)(?![\w@-])/giu;

export interface FoundUrl {
  start: number;
  end: number;
  url: string;
  host: string;
}

/** Every link in `text`, trailing punctuation trimmed. */
export function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  for (const m of execAll(URL_RE, text)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    const host = url
      .replace(/^https?:\/\//i, '')
      .split(/[/?#]/)[0]!
      .toLowerCase()
      .replace(/^[^@]*@/, '') // user:password@ is not the host
      .replace(/:\d+$/, '');
    out.push({ start: m.index, end: m.index + url.length, url, host });
  }
  return out;
}

/**
 * How a link is quoted in a finding: its scheme and host, and "/…" for whatever followed (the
 * rule is about the host; paths, query strings and user names can carry anyone's data).
 *
 * @example
 * quotedLink({ url: 'https://wa.me/447946095812?text=hi', host: 'wa.me', start: 0, end: 34 }); // 'https://wa.me/…'
 */
export function quotedLink(u: FoundUrl): string {
  const scheme = /^https?:\/\//i.exec(u.url)?.[0] ?? '';
  const rest = u.url.slice(scheme.length).replace(/^[^/?#]*/, '');
  return `${scheme}${u.host}${rest && rest !== '/' ? '/…' : ''}`;
}

/** Is `host` one of the domains or a subdomain of one? */
export function hostAllowed(host: string, domains: readonly string[]): boolean {
  const h = host.replace(/^www\./, '');
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}
