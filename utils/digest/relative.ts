// "vor 12 Min.": how long ago, in the UI language, with Intl.RelativeTimeFormat.
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];
const formats = new Map<string, Intl.RelativeTimeFormat>();

export function relativeTime(t: number, now: number, lang: 'de' | 'en' = 'de'): string {
  let rtf = formats.get(lang);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'short', numeric: 'auto' });
    formats.set(lang, rtf);
  }
  const diff = t - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return rtf.format(Math.trunc(diff / ms), unit);
  }
  return rtf.format(0, 'second');
}

/** The absolute time for the tooltip, Berlin time: "01.12.26, 06:20". */
export function absoluteTime(t: number, lang: 'de' | 'en' = 'de'): string {
  return new Date(t).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
}
