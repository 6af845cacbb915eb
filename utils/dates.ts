// Timestamps in the log: the bounds every writer clamps to or rejects by, and the formats readers show. A row that
// is already stored badly (NaN, 1e20, a string) renders as "ungültiges Datum" and never throws.

/** 1 January 2004, 00:00 in Germany: older than any social-media post Lauscher can have seen. */
export const MIN_TIME = Date.UTC(2003, 11, 31, 23, 0, 0);
export const DAY_MS = 86_400_000;

/** The latest acceptable timestamp: one day ahead of `now` (clock skew between colleagues' machines). */
export function maxTime(now: number = Date.now()): number {
  return now + DAY_MS;
}

/** True for a finite epoch-ms number between 2004 and now + 1 day. */
export function isValidTime(t: unknown, now: number = Date.now()): t is number {
  return typeof t === 'number' && Number.isFinite(t) && t >= MIN_TIME && t <= maxTime(now);
}

// Made on first use: a formatter with a time zone loads ICU's zone data, 17–32 ms measured in the content script's
// start on every page (which imports this module for isValidTime and never formats a date).
let berlin: Intl.DateTimeFormat | undefined;
function berlinFormat(): Intl.DateTimeFormat {
  berlin ??= new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return berlin;
}

/** "25.11.2025 14:03" in Europe/Berlin (what German Excel reads as a date and time); '' for an invalid time. */
export function formatBerlin(t: unknown): string {
  if (typeof t !== 'number' || !Number.isFinite(t) || Math.abs(t) > 8.64e15) return '';
  const p = Object.fromEntries(
    berlinFormat()
      .formatToParts(t)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** ISO 8601 UTC ("2025-11-25T13:03:09.000Z") for machines; '' for an invalid time. */
export function isoUtc(t: unknown): string {
  if (typeof t !== 'number' || !Number.isFinite(t) || Math.abs(t) > 8.64e15) return '';
  return new Date(t).toISOString();
}
