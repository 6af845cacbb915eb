// Working-time arithmetic for the response promise ("Wir antworten werktags innerhalb von 24 Stunden"): only the
// published office hours count, on their weekdays, not on the team's holidays; days and hours are Berlin ones.
import { addBerlinDays, berlinClock, berlinDateKey, berlinInstant, startOfBerlinDay } from './digest/berlin';
import type { OfficeHours } from './settings';

export const HOUR_MS = 3_600_000;
/** How far back or forward the arithmetic looks for working days before giving up (no working days configured). */
const MAX_DAYS = 800;

export interface WorkingTime {
  hours: OfficeHours;
  /** Days off as "YYYY-MM-DD" (Berlin): public holidays, the town's own closing days. */
  holidays: readonly string[];
}

function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return 0;
  return Math.min(24 * 60, Number(m[1]) * 60 + Number(m[2]));
}

interface DayInfo {
  window: [number, number] | null;
  next: number;
  previous: number;
}
/** Per WorkingTime object (one digest query passes one): the Intl look-ups of a day are done once, not per mention. */
const dayCache = new WeakMap<WorkingTime, Map<number, DayInfo>>();

function dayInfo(dayStart: number, wt: WorkingTime, holidays: Set<string>): DayInfo {
  let days = dayCache.get(wt);
  if (!days) {
    days = new Map();
    dayCache.set(wt, days);
  }
  let info = days.get(dayStart);
  if (!info) {
    info = {
      window: workingWindow(dayStart, wt, holidays),
      next: addBerlinDays(dayStart + 12 * HOUR_MS, 1),
      previous: addBerlinDays(dayStart - 12 * HOUR_MS, 0),
    };
    days.set(dayStart, info);
  }
  return info;
}

/**
 * The working window of the Berlin day starting at `dayStart`, as instants, or null on a day off. With office hours
 * switched off every hour of every day counts (holidays still do not).
 */
export function workingWindow(dayStart: number, wt: WorkingTime, holidays?: Set<string>): [number, number] | null {
  const c = berlinClock(dayStart + 12 * HOUR_MS);
  const key = berlinDateKey(dayStart + 12 * HOUR_MS);
  if ((holidays ?? new Set(wt.holidays)).has(key)) return null;
  const { hours } = wt;
  const days = hours.enabled ? hours.days : [0, 1, 2, 3, 4, 5, 6];
  if (!days.includes(c.weekday)) return null;
  const start = hours.enabled ? minutesOf(hours.start) : 0;
  const end = hours.enabled ? minutesOf(hours.end) : 24 * 60;
  if (end <= start) return null;
  return [berlinInstant(c.year, c.month, c.day, 0, start), berlinInstant(c.year, c.month, c.day, 0, end)];
}

/** Whether `t` falls in working time (office hours on a working day that is not a holiday). */
export function isWorkingTime(t: number, wt: WorkingTime): boolean {
  const w = workingWindow(startOfBerlinDay(t), wt);
  return !!w && t >= w[0] && t < w[1];
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(from: number, to: number, wt: WorkingTime): number {
  if (!(to > from)) return 0;
  const holidays = new Set(wt.holidays);
  let total = 0;
  let day = startOfBerlinDay(from);
  for (let i = 0; day < to && i < MAX_DAYS * 4; i++) {
    const { window: w, next } = dayInfo(day, wt, holidays);
    if (w) total += Math.max(0, Math.min(to, w[1]) - Math.max(from, w[0]));
    day = next;
  }
  return total;
}

/**
 * The latest instant from which `ms` of working time have passed by `now`: a mention first seen before it has had
 * more than `ms` working time. -Infinity when the calendar holds no working time at all (nothing can be overdue).
 */
export function workingCutoff(now: number, ms: number, wt: WorkingTime): number {
  if (ms <= 0) return now;
  const holidays = new Set(wt.holidays);
  let left = ms;
  let day = startOfBerlinDay(now);
  for (let i = 0; i < MAX_DAYS; i++) {
    const { window: w, previous } = dayInfo(day, wt, holidays);
    if (w) {
      const end = Math.min(now, w[1]);
      const available = Math.max(0, end - w[0]);
      if (available >= left) return end - left;
      left -= available;
    }
    day = previous;
  }
  return Number.NEGATIVE_INFINITY;
}

/** The instant `ms` of working time after `from` (the promise's deadline), +Infinity without working time. */
export function addWorkingMs(from: number, ms: number, wt: WorkingTime): number {
  const holidays = new Set(wt.holidays);
  let left = ms;
  let day = startOfBerlinDay(from);
  for (let i = 0; i < MAX_DAYS; i++) {
    const { window: w, next } = dayInfo(day, wt, holidays);
    if (w) {
      const start = Math.max(from, w[0]);
      const available = Math.max(0, w[1] - start);
      if (available >= left) return start + left;
      left -= available;
    }
    day = next;
  }
  return Number.POSITIVE_INFINITY;
}
