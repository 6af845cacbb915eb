import { describe, expect, it } from 'vitest';
import { berlinInstant } from '../../utils/digest/berlin';
import { isWithinOfficeHours } from '../../utils/office-hours';
import type { OfficeHours } from '../../utils/settings';
import {
  addWorkingMs,
  isWorkingTime,
  type WorkingTime,
  workingCutoff,
  workingMsBetween,
} from '../../utils/working-hours';

const H = 3_600_000;
const B = berlinInstant;
const OFFICE: OfficeHours = { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' };
const wt = (holidays: string[] = [], hours = OFFICE): WorkingTime => ({ hours, holidays });

describe('working hours', () => {
  it('counts only office hours on working days', () => {
    // Tue 1 Dec 2026 09:00 → 15:00: 6 h
    expect(workingMsBetween(B(2026, 12, 1, 9), B(2026, 12, 1, 15), wt())).toBe(6 * H);
    // Tue 15:00 → Wed 09:00: 1 h + 1 h
    expect(workingMsBetween(B(2026, 12, 1, 15), B(2026, 12, 2, 9), wt())).toBe(2 * H);
    // Before opening and after closing count nothing.
    expect(workingMsBetween(B(2026, 12, 1, 6), B(2026, 12, 1, 7, 59), wt())).toBe(0);
    expect(workingMsBetween(B(2026, 12, 1, 17), B(2026, 12, 1, 23), wt())).toBe(0);
    expect(workingMsBetween(B(2026, 12, 2), B(2026, 12, 1), wt())).toBe(0);
  });

  it('skips the weekend', () => {
    // Fri 4 Dec 2026 14:00 → Mon 7 Dec 10:00: 2 h + 2 h
    expect(workingMsBetween(B(2026, 12, 4, 14), B(2026, 12, 7, 10), wt())).toBe(4 * H);
    expect(workingMsBetween(B(2026, 12, 5, 10), B(2026, 12, 6, 22), wt())).toBe(0);
  });

  it('skips the configured holidays and nothing else', () => {
    // Thu 24 Dec → Mon 28 Dec 2026 with 25 Dec a holiday: Thu 8 h, Mon 8 h
    expect(workingMsBetween(B(2026, 12, 24), B(2026, 12, 29), wt(['2026-12-25']))).toBe(16 * H);
    // The same without holidays: Fri counts too
    expect(workingMsBetween(B(2026, 12, 24), B(2026, 12, 29), wt())).toBe(24 * H);
  });

  it('a working day on a DST change has its full office hours', () => {
    const all: OfficeHours = { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00' };
    expect(workingMsBetween(B(2026, 3, 29), B(2026, 3, 30), wt([], all))).toBe(23 * H);
    expect(workingMsBetween(B(2026, 10, 25), B(2026, 10, 26), wt([], all))).toBe(25 * H);
    const sundays: OfficeHours = { enabled: true, days: [0], start: '08:00', end: '16:00' };
    expect(workingMsBetween(B(2026, 3, 29), B(2026, 3, 30), wt([], sundays))).toBe(8 * H);
    expect(workingMsBetween(B(2026, 10, 25), B(2026, 10, 26), wt([], sundays))).toBe(8 * H);
  });

  it('24 working hours from Friday afternoon end on Wednesday afternoon', () => {
    const from = B(2026, 12, 4, 14);
    const due = addWorkingMs(from, 24 * H, wt());
    expect(due).toBe(B(2026, 12, 9, 14));
    expect(workingMsBetween(from, due, wt())).toBe(24 * H);
    // The cutoff is the inverse: a mention first seen at the cutoff has had exactly 24 h.
    expect(workingCutoff(due, 24 * H, wt())).toBe(from);
    // With Tuesday a holiday the promise ends a day later.
    expect(addWorkingMs(from, 24 * H, wt(['2026-12-08']))).toBe(B(2026, 12, 10, 14));
  });

  it('switched-off office hours count every hour; no working days means nothing is ever due', () => {
    const off = { ...OFFICE, enabled: false };
    expect(workingMsBetween(B(2026, 12, 5, 10), B(2026, 12, 6, 10), wt([], off))).toBe(24 * H);
    const none: OfficeHours = { ...OFFICE, days: [] };
    expect(workingCutoff(B(2026, 12, 1, 12), H, wt([], none))).toBe(Number.NEGATIVE_INFINITY);
    expect(addWorkingMs(B(2026, 12, 1, 12), H, wt([], none))).toBe(Number.POSITIVE_INFINITY);
  });

  it('knows working time and office hours by the Berlin clock', () => {
    expect(isWorkingTime(B(2026, 12, 1, 8), wt())).toBe(true);
    expect(isWorkingTime(B(2026, 12, 1, 16), wt())).toBe(false);
    expect(isWorkingTime(B(2026, 12, 25, 10), wt(['2026-12-25']))).toBe(false);
    // 07:30 UTC is 08:30 in Berlin: inside, even on a machine in UTC.
    expect(isWithinOfficeHours(new Date(Date.UTC(2026, 11, 1, 7, 30)), OFFICE)).toBe(true);
    expect(isWithinOfficeHours(new Date(Date.UTC(2026, 11, 1, 15, 30)), OFFICE)).toBe(false);
    expect(isWithinOfficeHours(new Date(B(2026, 12, 25, 10)), OFFICE, ['2026-12-25'])).toBe(false);
    expect(isWithinOfficeHours(new Date(B(2026, 12, 25, 10)), { ...OFFICE, enabled: false })).toBe(true);
  });
});
