// Calendar days, weeks and wall-clock times in Europe/Berlin, whatever zone the machine runs in: a municipality's
// "today" and its office hours are German ones. Intl knows the DST rules; nothing here hard-codes an offset.
export const ZONE = 'Europe/Berlin';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  weekday: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  weekday: 'short',
});
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The Berlin wall clock at instant `t`. */
export function berlinClock(t: number): WallClock {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const p of parts.formatToParts(t)) {
    if (p.type === 'weekday') out.weekday = WEEKDAYS[p.value] ?? 0;
    else if (p.type in out) out[p.type as 'year'] = Number(p.value);
  }
  return out;
}

/** Berlin's offset from UTC at instant `t` (one or two hours), to the minute. */
function offsetAt(t: number): number {
  const c = berlinClock(t);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
  return asUtc - Math.floor(t / 60_000) * 60_000;
}

/**
 * The instant a Berlin wall clock shows this time. Days and minutes may overflow (day 32, minute 1440) as in
 * Date.UTC. A time skipped by the spring change (02:30) maps to the instant an hour later; a time that occurs twice
 * (autumn) to the first.
 */
export function berlinInstant(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Berlin is UTC+2 in summer and UTC+1 in winter: the earlier candidate that the zone confirms wins.
  for (const offset of [2 * HOUR, HOUR]) if (offsetAt(wall - offset) === offset) return wall - offset;
  return wall - HOUR;
}

/**
 * Day starts by UTC hour. Berlin is a whole number of hours off UTC and changes its clocks on the hour, so every
 * instant of one UTC hour lies in the same Berlin day: the digest asks this for every answer of the week, and three
 * Intl look-ups each would be most of its time.
 */
const dayStartByHour = new Map<number, number>();

/** Berlin midnight of the day containing `t`. */
export function startOfBerlinDay(t: number): number {
  const hour = Math.floor(t / HOUR);
  const known = dayStartByHour.get(hour);
  if (known !== undefined) return known;
  const c = berlinClock(t);
  const start = berlinInstant(c.year, c.month, c.day);
  if (dayStartByHour.size >= 100_000) dayStartByHour.clear();
  if (Number.isFinite(hour)) dayStartByHour.set(hour, start);
  return start;
}

/** `t`'s Berlin day moved by `days` calendar days, at midnight (DST days of 23 or 25 hours count as one day). */
export function addBerlinDays(t: number, days: number): number {
  const c = berlinClock(t);
  return berlinInstant(c.year, c.month, c.day + days);
}

/** Berlin midnight of the Monday of `t`'s week. */
export function startOfBerlinWeek(t: number): number {
  const c = berlinClock(t);
  return berlinInstant(c.year, c.month, c.day - ((c.weekday + 6) % 7));
}

/** "2026-03-29" for `t`'s Berlin day (how holidays are listed). */
export function berlinDateKey(t: number): string {
  const c = berlinClock(t);
  return `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/** Berlin midnight of a "YYYY-MM-DD" day, or undefined for anything else. */
export function parseDateKey(key: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = berlinInstant(y, mo, d);
  return berlinDateKey(t) === `${m[1]}-${m[2]}-${m[3]}` ? t : undefined;
}

/** Length of the Berlin day starting at `dayStart` (23, 24 or 25 hours). */
export function berlinDayLength(dayStart: number): number {
  return addBerlinDays(dayStart + 12 * HOUR, 1) - dayStart;
}

export { DAY, HOUR };
