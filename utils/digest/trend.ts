// Today against yesterday, and the week before as a sparkline: pure arithmetic over day counts.

export interface Change {
  /** today − yesterday */
  diff: number;
  /** Relative change in percent, rounded; undefined when yesterday had none. */
  percent?: number;
}

export function change(today: number, yesterday: number): Change {
  const diff = today - yesterday;
  return yesterday > 0 ? { diff, percent: Math.round((diff / yesterday) * 100) } : { diff };
}

/** "+3", "−2", "±0" (a real minus sign). */
export function signed(n: number, locale = 'de-DE'): string {
  const abs = Math.abs(n).toLocaleString(locale);
  return n > 0 ? `+${abs}` : n < 0 ? `−${abs}` : `±${abs}`;
}

/** SVG polyline points for `values` in a `width` × `height` box (1px inset so the stroke is not clipped). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2) / (values.length - 1) : 0;
  return values
    .map((v, i) => `${(1 + i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`)
    .join(' ');
}
