// Published response hours: outside them Lauscher does not nag with a badge.
import type { OfficeHours } from './settings';
import { isWorkingTime } from './working-hours';

/**
 * Inside the published office hours by the Berlin clock (the machine may run in another zone), and not on one of
 * the team's holidays. Switched off: always inside.
 */
export function isWithinOfficeHours(date: Date, hours: OfficeHours, holidays: readonly string[] = []): boolean {
  if (!hours.enabled) return true;
  return isWorkingTime(date.getTime(), { hours, holidays });
}

const DAY_NAMES = {
  de: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** "Mo–Fr 08:00–16:00 Uhr" for the {{sprechzeiten}} placeholder. Consecutive days collapse into a span. */
export function describeOfficeHours(hours: OfficeHours, lang: 'de' | 'en' = 'de'): string {
  const names = DAY_NAMES[lang];
  const days = [...new Set(hours.days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const parts: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && ((days[j + 1] as number) + 6) % 7 === (((days[j] as number) + 6) % 7) + 1) j++;
    const from = names[days[i] as number];
    const to = names[days[j] as number];
    parts.push(j - i >= 2 ? `${from}–${to}` : j > i ? `${from}, ${to}` : `${from}`);
    i = j + 1;
  }
  const time = `${hours.start}–${hours.end}${lang === 'de' ? ' Uhr' : ''}`;
  return parts.length ? `${parts.join(', ')} ${time}` : time;
}
