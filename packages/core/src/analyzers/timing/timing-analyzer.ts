import { CxqaError, describeZodIssues } from '../../errors.js';
import type { Analyzer, AnalyzerOutput } from '../../pipeline/analyze/contract.js';
import type { Finding } from '../../pipeline/validate/finding.js';
import type { MetricValue } from '../../pipeline/validate/result.js';
import { maxOf } from '../../util/arrays.js';
import { builtinMoodCues } from '../sentiment/model/mood.js';
import { isInDailyWindow, isValidTimezone, isWorkingTime, type WorkingCalendar, workingSecondsBetween } from './calendar.js';
import { customerPlace } from './customer-calendar.js';
import { formatDuration } from './duration.js';
import { resolveTimingOptions, type TimingOptionsInput } from './options.js';
import { type AppliedTarget, breachSeverity, describeTarget, firstResponseTargets, resolutionTarget } from './targets.js';
import { analyzeTurns, mean, median } from './turns.js';

export const TIMING_ANALYZER_VERSION = '1.0.0';

/**
 * Channels where customers post in public (social media): many posts ask for nothing, so an
 * unanswered one is listed (info), not scored — on public helpdesk threads readers agreed with
 * "no agent response" 1 time in 7 (docs/precision.md). Elsewhere it is major past the target, else minor.
 */
const PUBLIC_CHANNELS = new Set(['social', 'weibo', 'twitter', 'x', 'facebook', 'instagram', 'tiktok', 'public']);

/**
 * Response timeliness against region- and time-zone-aware SLAs.
 *
 * @example
 * const timing = timingAnalyzer({ shift: { timezone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '02:00' } });
 * const inspector = createInspector({ analyzers: [timing] });
 */
export function timingAnalyzer(options: TimingOptionsInput = {}): Analyzer {
  const resolved = resolveTimingOptions(options);
  if (!resolved.ok) {
    const { issues, summary } = describeZodIssues(resolved.error);
    throw new CxqaError('invalid_option', `timingAnalyzer: ${summary}`, { issues, analyzer: 'timing' });
  }
  const o = resolved.value;
  for (const [path, zone] of [
    ['shift.timezone', o.shift?.timezone],
    ['nightShift.timezone', o.nightShift?.timezone],
    ['defaultTimezone', o.defaultTimezone],
  ] as const) {
    if (zone && !isValidTimezone(zone)) throw new CxqaError('unknown_timezone', `timingAnalyzer: ${path} "${zone}" is not an IANA time zone`, { path: [path] });
  }
  const shift: WorkingCalendar | null = o.shift
    ? { timezone: o.shift.timezone, days: o.shift.days, start: o.shift.start, end: o.shift.end, holidayCountry: o.shift.holidayCountry }
    : null;

  return {
    name: 'timing',
    version: TIMING_ANALYZER_VERSION,
    analyze(ctx): AnalyzerOutput {
      const { conversation } = ctx;
      const t = analyzeTurns(ctx.messages, ctx.chronological);
      const place = customerPlace(conversation, o);
      const findings: Finding[] = [];
      const add = (f: Omit<Finding, 'analyzer'>) => findings.push({ analyzer: 'timing', ...f });
      if (place.badTimezone) {
        add({
          code: 'timing.unknown_timezone',
          severity: 'info',
          explanation: `customer.timezone "${place.badTimezone}" is not an IANA zone; used ${place.calendar.timezone} (${place.zoneSource}) instead`,
        });
      }
      if (t.outOfOrderIndex !== null) {
        add({
          code: 'timing.out_of_order',
          severity: 'info',
          messageIndex: t.outOfOrderIndex,
          explanation: `message ${t.outOfOrderIndex} is dated before message ${t.outOfOrderIndex - 1}; timing follows the timestamps, not the input order`,
        });
      }
      const fc = t.firstCustomer;
      // loops, not per-call arrows (decision 204)
      const answered: number[] = [];
      let unanswered = 0;
      for (const x of t.turns) {
        if (x.seconds !== null) answered.push(x.seconds);
        else unanswered++;
      }
      const first = fc && t.firstAgentReply ? (t.firstAgentReply.time - fc.time) / 1000 : null;
      const business = fc && t.firstAgentReply ? workingSecondsBetween(place.calendar, fc.time, t.firstAgentReply.time) : null;
      const shiftSecs = fc && t.firstAgentReply && shift ? workingSecondsBetween(shift, fc.time, t.firstAgentReply.time) : null;
      const inBusiness = fc ? isWorkingTime(place.calendar, fc.time) : null;
      const night =
        o.nightShift &&
        fc &&
        isInDailyWindow(o.nightShift.timezone ?? shift?.timezone ?? place.calendar.timezone, o.nightShift.start, o.nightShift.end, fc.time);
      const nightFactor = night ? o.nightShift!.factor : null;
      const resolution = conversation.resolved === true && fc && t.lastAgent && t.lastAgent.time >= fc.time ? (t.lastAgent.time - fc.time) / 1000 : null;

      const targets = fc
        ? firstResponseTargets(o, { regionId: place.regionId, inBusinessHours: inBusiness!, inquiryType: conversation.inquiryType, nightFactor })
        : [];
      const governing = targets[0] ?? null;
      const resTarget = fc ? resolutionTarget(o, conversation.inquiryType, nightFactor) : null;
      if (conversation.inquiryType && !o.sla.inquiryTypes[conversation.inquiryType]) {
        add({
          code: 'timing.unknown_inquiry_type',
          severity: 'info',
          explanation: `inquiry type "${conversation.inquiryType}" has no SLA entry; known: ${Object.keys(o.sla.inquiryTypes).join(', ')}`,
        });
      }
      const measure = (target: AppliedTarget, wall: number, biz: number | null, sh: number | null) =>
        target.clock === 'business' ? (biz ?? wall) : target.clock === 'shift' ? (sh ?? wall) : wall;

      if (fc && governing && first !== null) {
        const measured = measure(governing, first, business, shiftSecs);
        if (measured > governing.seconds) {
          add({
            code: 'timing.first_response_breach',
            severity: breachSeverity(measured, governing),
            messageIndex: t.firstAgentReply!.index,
            explanation: `first reply after ${formatDuration(first)}${business !== null ? ` (${formatDuration(business)} in the customer's business hours${shiftSecs !== null ? `, ${formatDuration(shiftSecs)} in the team's shift` : ''})` : ''}; ${describeTarget(governing, targets)}`,
            rule: {
              id: `sla.${governing.kind}.${governing.id}`,
              kind: 'rule',
              rawScore: measured,
              score: measured / governing.seconds,
              detail: { targetSeconds: governing.seconds, clock: governing.clock },
            },
            suggestion: 'answer within the target, or send a holding message while you look into it',
          });
        }
      }
      // a customer who only thanked or praised (a public "thank you" post) is not waiting for an answer
      const awaitsReply = (m: (typeof ctx.messages)[number]) =>
        m.role === 'customer' && m.text.trim() && builtinMoodCues().moodOf(m.view.normalized, m.language, {}, undefined, m.analysis).label !== 'positive';
      if (fc && first === null && ctx.messages.some(awaitsReply)) {
        const waited = t.last ? (t.last.time - fc.time) / 1000 : 0;
        const over = governing ? waited > governing.seconds : true;
        add({
          code: 'timing.no_agent_response',
          severity: o.noResponseSeverity ?? (PUBLIC_CHANNELS.has(conversation.channel?.toLowerCase() ?? '') ? 'info' : over ? 'major' : 'minor'),
          messageIndex: fc.index,
          explanation: `no agent replied; the conversation ends ${formatDuration(waited)} after the first customer message${governing ? ` (${describeTarget(governing, targets)})` : ''}${t.firstBotReply ? '; only a bot answered' : ''}`,
        });
      }
      if (fc && resTarget) {
        const done = resolution ?? (conversation.resolved === false && t.last ? (t.last.time - fc.time) / 1000 : null);
        if (done !== null && done > resTarget.seconds) {
          const still = resolution === null;
          add({
            code: 'timing.resolution_breach',
            severity: breachSeverity(done, resTarget),
            messageIndex: (still ? t.last : t.lastAgent)!.index,
            explanation: `${still ? 'still unresolved' : 'resolved'} after ${formatDuration(done)}; resolution ${describeTarget(resTarget, [resTarget])}`,
            rule: {
              id: `sla.resolution.${resTarget.id}`,
              kind: 'rule',
              rawScore: done,
              score: done / resTarget.seconds,
              detail: { targetSeconds: resTarget.seconds },
            },
          });
        }
      }
      const metrics: Record<string, MetricValue> = {
        'timing.firstResponseSeconds': first,
        'timing.firstBotResponseSeconds': fc && t.firstBotReply ? (t.firstBotReply.time - fc.time) / 1000 : null,
        'timing.firstResponseBusinessSeconds': business,
        'timing.firstResponseShiftSeconds': shiftSecs,
        'timing.averageResponseSeconds': mean(answered),
        'timing.medianResponseSeconds': median(answered),
        'timing.longestResponseSeconds': answered.length ? maxOf(answered) : null,
        'timing.resolutionSeconds': resolution,
        'timing.customerTurns': t.turns.length,
        'timing.unansweredTurns': unanswered,
        'timing.customerTimezone': place.calendar.timezone,
        'timing.region': place.regionId,
        'timing.firstMessageInBusinessHours': inBusiness === null ? null : inBusiness ? 1 : 0,
        'timing.firstResponseTargetSeconds': governing?.seconds ?? null,
        'timing.firstResponseTarget': governing ? `${governing.kind}:${governing.id}` : null,
        'timing.resolutionTargetSeconds': resTarget?.seconds ?? null,
      };
      return { scores: { timeliness: fc ? 1 : null }, findings, metrics };
    },
  };
}
