/**
 * A month of realistic, made-up conversations for 20 agents, seeded and deterministic: the same
 * options always write the same JSONL. Five platforms, three channels, six inquiry types,
 * customers in Europe, North America and Southeast Asia (so three SLA regions), repeat customers
 * who come back on another channel within 72 hours, CSAT ratings, pre-sales conversions, and
 * personal data planted in some messages (names next to phone numbers, e-mail addresses) that
 * every report must mask. A few agents are slow and a few are curt, so the report shows differences.
 *
 *   pnpm example:month [OUT.jsonl] [--conversations N] [--seed S] [--month YYYY-MM]
 *
 * Then: `pnpm cxqa inspect OUT.jsonl --format jsonl --out results.jsonl` and
 * `pnpm cxqa report results.jsonl --format html --out report.html` (docs/reports.md).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { AGENT_LINES, CUSTOMER_LINES, FOLLOW_UPS, INQUIRY_TYPES, type InquiryType, PLANTED_CONTACTS, THANKS } from './month-templates.js';

export interface MonthOptions {
  /** Seed of the generator (default 20260301). */
  seed?: number;
  /** The month, YYYY-MM (default 2026-03). */
  month?: string;
  /** Conversations in the month (default 2400: about 4 a working day per agent). */
  conversations?: number;
}

/** How an agent works: median first-response minutes, chance of a curt reply, of resolving, and a CSAT lean. */
interface AgentProfile {
  id: string;
  role: 'pre-sales' | 'after-sales';
  replyMinutes: number;
  curt: number;
  resolves: number;
  csatLean: number;
}

const AGENT_NAMES = [
  'li.na',
  'wang.lei',
  'chen.yu',
  'zhao.min',
  'anna.berg',
  'tom.hughes',
  'sofia.rossi',
  'lucas.martin',
  'mei.tan',
  'arjun.rao',
  'nina.kowalski',
  'omar.haddad',
  'julia.weber',
  'kenji.sato',
  'maria.lopez',
  'david.kim',
  'emma.dubois',
  'ravi.shah',
  'lea.novak',
  'sam.carter',
];

/** Agents 3 and 11 are slow, 6 and 15 are curt, 18 is both; the rest are quick and polite. */
function profiles(): AgentProfile[] {
  return AGENT_NAMES.map((id, i) => {
    const slow = i === 3 || i === 11 || i === 18;
    const curt = i === 6 || i === 15 || i === 18;
    return {
      id,
      role: i % 2 === 0 ? 'pre-sales' : 'after-sales',
      replyMinutes: slow ? 75 + 10 * (i % 3) : 2 + (i % 5),
      curt: curt ? 0.55 : 0.03,
      resolves: curt || slow ? 0.6 : 0.88,
      csatLean: (curt ? -1.4 : 0) + (slow ? -0.8 : 0),
    };
  });
}

/** Customer countries with a time zone, weighted towards the three SLA regions. */
const COUNTRIES = [
  { country: 'DE', timezone: 'Europe/Berlin', locale: 'de-DE' },
  { country: 'FR', timezone: 'Europe/Paris', locale: 'fr-FR' },
  { country: 'GB', timezone: 'Europe/London', locale: 'en-GB' },
  { country: 'ES', timezone: 'Europe/Madrid', locale: 'es-ES' },
  { country: 'US', timezone: 'America/New_York', locale: 'en-US' },
  { country: 'US', timezone: 'America/Los_Angeles', locale: 'en-US' },
  { country: 'CA', timezone: 'America/Toronto', locale: 'en-CA' },
  { country: 'SG', timezone: 'Asia/Singapore', locale: 'en-SG' },
  { country: 'MY', timezone: 'Asia/Kuala_Lumpur', locale: 'en-MY' },
  { country: 'PH', timezone: 'Asia/Manila', locale: 'en-PH' },
];
const PLATFORMS = [
  { platform: 'amazon', channels: ['marketplace', 'email'] },
  { platform: 'shopify', channels: ['chat', 'email'] },
  { platform: 'shopee', channels: ['chat', 'marketplace'] },
  { platform: 'ebay', channels: ['marketplace', 'email'] },
  { platform: 'lazada', channels: ['chat', 'marketplace'] },
];

interface Customer {
  id: string;
  country: (typeof COUNTRIES)[number];
  /** Some customers also give an e-mail as `contact` (results never carry it: their customerKey is the id). */
  contact: string | null;
  lastEnd: number;
}

/** A seeded source of choices. */
function randomness(seed: number) {
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    /** Log-normal around `median` (spread σ = 0.6). */
    around: (median: number) => median * Math.exp(0.6 * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())),
  };
}

const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The month's conversations (the cxqa input format), sorted by start time.
 * @throws Error when `month` is not YYYY-MM or `conversations` is not a positive integer.
 */
export function generateMonth(options: MonthOptions = {}): Record<string, unknown>[] {
  const month = options.month ?? '2026-03';
  const count = options.conversations ?? 2400;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`month ${month}: expected YYYY-MM`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`conversations ${count}: expected a positive integer`);
  const r = randomness(options.seed ?? 20260301);
  const agents = profiles();
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const start = Date.UTC(year, mon - 1, 1);
  const span = Date.UTC(year, mon, 1) - start;
  const starts = Array.from({ length: count }, () => start + Math.floor(r.next() * (span - 6 * 3600_000))).sort((a, b) => a - b);
  const customers: Customer[] = [];
  const out: Record<string, unknown>[] = [];
  starts.forEach((at, n) => {
    // a customer who had a conversation ending in the last 72 h comes back about one time in six
    const recent = customers.filter((c) => at - c.lastEnd > 0 && at - c.lastEnd < 72 * 3600_000);
    let customer: Customer;
    if (recent.length && r.chance(0.17)) customer = r.pick(recent);
    else {
      const id = `cust-${String(customers.length + 1).padStart(5, '0')}`;
      const email = r.chance(0.4);
      customer = { id, country: r.pick(COUNTRIES), contact: email ? `buyer${customers.length + 1}@mail.example` : null, lastEnd: 0 };
      customers.push(customer);
    }
    const agent = r.pick(agents);
    const inquiryType: InquiryType = agent.role === 'pre-sales' && r.chance(0.6) ? 'product_question' : r.pick(INQUIRY_TYPES);
    const { platform, channels } = r.pick(PLATFORMS);
    const curt = r.chance(agent.curt);
    const messages: { role: string; text: string; at: string }[] = [];
    let t = at;
    let opening = r.pick(CUSTOMER_LINES[inquiryType]);
    if (r.chance(0.06)) opening += ` ${r.pick(PLANTED_CONTACTS)}`;
    messages.push({ role: 'customer', text: opening, at: iso(t) });
    t += Math.max(20, r.around(agent.replyMinutes * 60)) * 1000;
    const lines = AGENT_LINES[inquiryType];
    messages.push({ role: 'agent', text: curt ? r.pick(lines.curt) : r.pick(lines.polite), at: iso(t) });
    if (r.chance(0.55)) {
      t += r.int(2, 40) * 60_000;
      messages.push({ role: 'customer', text: r.pick(curt ? FOLLOW_UPS.annoyed : FOLLOW_UPS.calm), at: iso(t) });
      t += Math.max(20, r.around(agent.replyMinutes * 60 * 0.7)) * 1000;
      messages.push({ role: 'agent', text: curt ? r.pick(lines.curtClose) : r.pick(lines.close), at: iso(t) });
    }
    const resolved = r.chance(agent.resolves);
    if (resolved && r.chance(0.5)) {
      t += r.int(1, 20) * 60_000;
      messages.push({ role: 'customer', text: r.pick(THANKS), at: iso(t) });
    }
    customer.lastEnd = t;
    const base = 4.3 + agent.csatLean + (resolved ? 0.3 : -1.2) + (r.next() - 0.5) * 1.6;
    const conversation: Record<string, unknown> = {
      id: `${platform}-${String(n + 1).padStart(4, '0')}`,
      platform,
      channel: r.pick(channels),
      inquiryType,
      agentId: agent.id,
      customer: {
        id: customer.id,
        contact: customer.contact ?? undefined,
        country: customer.country.country,
        timezone: customer.country.timezone,
        locale: customer.country.locale,
      },
      resolved,
      messages,
    };
    if (r.chance(0.6)) conversation.csat = Math.min(5, Math.max(1, Math.round(base)));
    if (inquiryType === 'product_question') conversation.metadata = { converted: r.chance(agent.role === 'pre-sales' ? 0.35 - agent.curt * 0.3 : 0.15) };
    out.push(JSON.parse(JSON.stringify(conversation)));
  });
  return out;
}

/** The generator's roles as a cxqa config (`kpis.roles`), for blended KPIs in the report. */
export function monthConfig(): { kpis: { roles: Record<string, string> } } {
  return { kpis: { roles: Object.fromEntries(profiles().map((a) => [a.id, a.role])) } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { conversations: { type: 'string' }, seed: { type: 'string' }, month: { type: 'string' }, config: { type: 'string' } },
  });
  const out = positionals[0] ?? 'month.jsonl';
  const rows = generateMonth({
    ...(values.conversations ? { conversations: Number(values.conversations) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.month ? { month: values.month } : {}),
  });
  writeFileSync(out, `${rows.map((c) => JSON.stringify(c)).join('\n')}\n`);
  if (values.config) writeFileSync(values.config, `${JSON.stringify(monthConfig(), null, 2)}\n`);
  process.stdout.write(`${rows.length} conversations for 20 agents written to ${out}${values.config ? `, roles to ${values.config}` : ''}\n`);
}
