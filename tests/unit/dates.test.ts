// utils/dates.ts: the CSV's German date format, and no time-zone formatter made at import (the content script imports
// the module for isValidTime on every page; making the formatter loads ICU's zone data, 17–32 ms measured there).
import { afterEach, describe, expect, it, vi } from 'vitest';

const RealDateTimeFormat = Intl.DateTimeFormat;
afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
  vi.resetModules();
});

describe('dates', () => {
  it('makes no Intl.DateTimeFormat when imported, only on the first formatBerlin', async () => {
    vi.resetModules();
    let made = 0;
    Intl.DateTimeFormat = class extends RealDateTimeFormat {
      constructor(...args: ConstructorParameters<typeof RealDateTimeFormat>) {
        super(...args);
        made += 1;
      }
    } as typeof Intl.DateTimeFormat;
    const dates = await import('../../utils/dates');
    expect(dates.isValidTime(Date.UTC(2025, 10, 25, 13, 3))).toBe(true);
    expect(made).toBe(0);
    // 13:03 UTC is 14:03 in Berlin in November, 15:03 in July (summer time)
    expect(dates.formatBerlin(Date.UTC(2025, 10, 25, 13, 3))).toBe('25.11.2025 14:03');
    expect(dates.formatBerlin(Date.UTC(2025, 6, 1, 13, 3))).toBe('01.07.2025 15:03');
    expect(made).toBe(1);
    expect(dates.formatBerlin(Number.NaN)).toBe('');
  });
});
