import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimestampSchema } from './conversation.js';
import { isTimestamp, timestampMs } from './timestamp.js';

const pattern = TimestampSchema._zod.def.pattern!;
const zodSays = (s: string) => TimestampSchema.safeParse(s).success;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isTimestamp', () => {
  it('is the pattern zod runs (so the test below compares with zod itself)', () => {
    for (const s of ['2026-03-02T10:00:00Z', '2026-03-02T10:00:00+0100', 'x']) expect(pattern.test(s)).toBe(zodSays(s));
  });

  it("equals zod's pattern on every month 00–13 and day 00–32 of every year 0000–9999 (February) and of a few years (all months)", () => {
    const years = Array.from({ length: 10_000 }, (_, y) => y);
    for (const y of years)
      for (const d of [0, 28, 29, 30]) {
        const s = `${pad(y, 4)}-02-${pad(d, 2)}T00:00:00Z`;
        expect(isTimestamp(s), s).toBe(pattern.test(s));
      }
    for (const y of [0, 1, 4, 100, 400, 1900, 2000, 2024, 2026, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T23:59:59.5-07:30`;
          expect(isTimestamp(s), s).toBe(pattern.test(s));
        }
  });

  it('equals the pattern on every hour, minute, second and offset, and on generated near-timestamps', () => {
    for (let v = 0; v <= 99; v++) {
      const two = pad(v, 2);
      for (const s of [
        `2026-03-02T${two}:00:00Z`,
        `2026-03-02T00:${two}:00Z`,
        `2026-03-02T00:00:${two}Z`,
        `2026-03-02T00:00:00+${two}:00`,
        `2026-03-02T00:00:00-00:${two}`,
      ])
        expect(isTimestamp(s), s).toBe(pattern.test(s));
    }
    const good = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    for (const s of ['2026-03-02T10:00:00.Z', '2026-03-02T10:00:00.+01:00', '2026-03-02T10:00:00.1', '2026-03-02T10:00:00+01:00Z', '2026-03-02T10:00:00+01'])
      expect(isTimestamp(s), s).toBe(pattern.test(s));
    // a valid timestamp with a code unit replaced or inserted, or a run of 1–4 removed
    const near = fc
      .tuple(
        good,
        fc.nat(30),
        fc.constantFrom('', '0', '9', '.', ':', '-', '+', 'Z', 'z', 't', 'T', ' ', '\n', '٣', '０', '12', '.5', '+01:00'),
        fc.nat(2),
        fc.integer({ min: 1, max: 4 }),
      )
      .map(([s, at, c, how, run]) => {
        const i = at % (s.length + 1);
        return how === 0 ? s.slice(0, i) + c + s.slice(i + 1) : how === 1 ? s.slice(0, i) + c + s.slice(i) : s.slice(0, i) + s.slice(i + run);
      });
    let matched = 0;
    fc.assert(
      fc.property(fc.oneof(good, near, near, fc.string({ maxLength: 30 })), (s) => {
        const want = pattern.test(s);
        if (want) matched++;
        expect(isTimestamp(s)).toBe(want);
      }),
      { numRuns: 20_000 },
    );
    expect(matched).toBeGreaterThan(5000);
  });
});

describe('timestampMs', () => {
  it('is Date.parse on the days of 0000–9999, at times of day with and without milliseconds', () => {
    const times = ['00:00:00Z', '23:59:59Z', '12:34:56.789Z', '00:00:00.000Z', '23:59:59.999Z'];
    // 0000-01-01 to 9999-12-31 at two of the times: every day of 0000–0399, 1899–2100 and 9600–9999, every 11th day between
    const every = (t: number) => t < -49_544_438_400_000 || (t >= -2_240_611_200_000 && t < 4_133_980_800_000) || t >= 240_779_260_800_000;
    for (let t = -62_167_219_200_000, k = 0; t < 253_402_300_800_000; t += (every(t) ? 1 : 11) * 86_400_000, k++) {
      const day = new Date(t).toISOString().slice(0, 11);
      for (const time of [times[k % 5]!, times[(k + 2) % 5]!]) {
        const s = `${day}${time}`;
        if (timestampMs(s) !== Date.parse(s)) expect(timestampMs(s), s).toBe(Date.parse(s));
      }
    }
  });

  it('is Date.parse on generated near-timestamps: other fractions, offsets, impossible days and times, stray characters', () => {
    const field = (w: number) =>
      fc.oneof(
        fc.integer({ min: 0, max: 10 ** w - 1 }).map((v) => pad(v, w)),
        fc.string({ minLength: w, maxLength: w }),
      );
    fc.assert(
      fc.property(
        field(4),
        field(2),
        field(2),
        field(2),
        field(2),
        field(2),
        fc.constantFrom('', '.5', '.12', '.123', '.1234', '.12x', '.abc'),
        fc.constantFrom('Z', 'z', '+01:00', '-07:30', '', 'ZZ'),
        fc.constantFrom('-', '/'),
        fc.constantFrom('T', 't', ' '),
        (y, mo, d, h, mi, s, fraction, zone, dash, tee) => {
          const text = `${y}${dash}${mo}-${d}${tee}${h}:${mi}:${s}${fraction}${zone}`;
          expect(Object.is(timestampMs(text), Date.parse(text)), text).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
