import { describe, expect, it } from 'vitest';
import {
  addBerlinDays,
  berlinClock,
  berlinDayLength,
  berlinInstant,
  parseDateKey,
  startOfBerlinDay,
  startOfBerlinWeek,
} from '../../utils/digest/berlin';

const H = 3_600_000;

describe('Europe/Berlin days', () => {
  it('midnight is 23:00 UTC in winter and 22:00 UTC in summer, whatever the machine zone', () => {
    expect(startOfBerlinDay(Date.UTC(2026, 11, 1, 7, 30))).toBe(Date.UTC(2026, 10, 30, 23));
    expect(startOfBerlinDay(Date.UTC(2026, 6, 15, 21, 59))).toBe(Date.UTC(2026, 6, 14, 22));
    expect(startOfBerlinDay(Date.UTC(2026, 6, 15, 22, 0))).toBe(Date.UTC(2026, 6, 15, 22));
    // 23:30 UTC on 31 Dec is already New Year in Berlin.
    expect(berlinClock(Date.UTC(2025, 11, 31, 23, 30))).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0 });
  });

  it('the spring DST day has 23 hours and the autumn one 25', () => {
    const spring = berlinInstant(2026, 3, 29);
    const autumn = berlinInstant(2026, 10, 25);
    expect(spring).toBe(Date.UTC(2026, 2, 28, 23));
    expect(berlinDayLength(spring)).toBe(23 * H);
    expect(addBerlinDays(spring, 1)).toBe(Date.UTC(2026, 2, 29, 22));
    expect(autumn).toBe(Date.UTC(2026, 9, 24, 22));
    expect(berlinDayLength(autumn)).toBe(25 * H);
    expect(addBerlinDays(autumn, 1)).toBe(Date.UTC(2026, 9, 25, 23));
    expect(berlinDayLength(berlinInstant(2026, 3, 30))).toBe(24 * H);
    // Late in the long day it is still the same day.
    expect(startOfBerlinDay(autumn + 24.5 * H)).toBe(autumn);
  });

  it('maps wall-clock times across the changes: the skipped 02:30 lands an hour later, the doubled one first', () => {
    expect(berlinInstant(2026, 3, 29, 1, 30)).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(berlinInstant(2026, 3, 29, 3, 30)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(berlinInstant(2026, 3, 29, 2, 30)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(berlinInstant(2026, 10, 25, 2, 30)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(berlinInstant(2026, 10, 25, 3, 30)).toBe(Date.UTC(2026, 9, 25, 2, 30));
  });

  it('days move by calendar days across month ends and DST, weeks start on Monday', () => {
    expect(addBerlinDays(berlinInstant(2026, 3, 31), -3)).toBe(berlinInstant(2026, 3, 28));
    expect(addBerlinDays(berlinInstant(2026, 12, 31, 15), 1)).toBe(berlinInstant(2027, 1, 1));
    // Tue 1 Dec 2026 → Mon 30 Nov; Sunday 29 Nov 2026 → Mon 23 Nov
    expect(startOfBerlinWeek(Date.UTC(2026, 11, 1, 7))).toBe(berlinInstant(2026, 11, 30));
    expect(startOfBerlinWeek(berlinInstant(2026, 11, 29, 23, 59))).toBe(berlinInstant(2026, 11, 23));
    // The week of the spring change.
    expect(startOfBerlinWeek(berlinInstant(2026, 3, 29, 12))).toBe(berlinInstant(2026, 3, 23));
  });

  it('parses holiday keys and refuses impossible dates', () => {
    expect(parseDateKey('2026-12-25')).toBe(berlinInstant(2026, 12, 25));
    expect(parseDateKey('2026-02-30')).toBeUndefined();
    expect(parseDateKey('25.12.2026')).toBeUndefined();
  });
});
