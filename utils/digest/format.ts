// Numbers of the digest in the UI language: "3,5 Std.", "45 Min.", "80 %".
import { HOUR_MS } from '../working-hours';

const locale = (lang: 'de' | 'en') => (lang === 'de' ? 'de-DE' : 'en-GB');

/** A working-time duration: minutes below an hour, else hours with one decimal. */
export function formatDuration(ms: number, lang: 'de' | 'en' = 'de'): string {
  const minutes = ms / 60_000;
  if (minutes < 60) {
    return new Intl.NumberFormat(locale(lang), { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(
      Math.round(minutes),
    );
  }
  return new Intl.NumberFormat(locale(lang), {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(ms / HOUR_MS);
}

export function formatShare(share: number, lang: 'de' | 'en' = 'de'): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** "Mo., 30.11." for the sparkline's labels and the date switcher. */
export function formatDay(dayStart: number, lang: 'de' | 'en' = 'de', long = false): string {
  return new Date(dayStart).toLocaleDateString(locale(lang), {
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'numeric',
    timeZone: 'Europe/Berlin',
  });
}
