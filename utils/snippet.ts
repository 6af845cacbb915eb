// The log keeps the sentence a match stands in, with a little context, never the whole post (data minimisation).

export const SNIPPET_MAX = 500;

const SENTENCE_END = /[.!?…]\s|\n/g;

/** The sentence around text[start, end), widened with neighbouring sentences up to `max` chars. */
export function snippetAround(text: string, start: number, end: number, max = SNIPPET_MAX): string {
  const bounds = [0];
  for (const m of text.matchAll(SENTENCE_END)) bounds.push(m.index + m[0].length);
  bounds.push(text.length);
  let i = 0;
  while (i + 1 < bounds.length && (bounds[i + 1] as number) <= start) i++;
  let j = i + 1;
  while (j < bounds.length - 1 && (bounds[j] as number) < end) j++;
  let from = bounds[i] as number;
  let to = bounds[j] as number;
  // Widen by whole sentences while they fit.
  for (let grew = true; grew; ) {
    grew = false;
    if (i > 0 && to - (bounds[i - 1] as number) <= max) {
      i--;
      from = bounds[i] as number;
      grew = true;
    }
    if (j < bounds.length - 1 && (bounds[j + 1] as number) - from <= max) {
      j++;
      to = bounds[j] as number;
      grew = true;
    }
  }
  let out = text.slice(from, to);
  if (out.length > max) {
    // One very long sentence: centre the window on the match.
    const centre = Math.floor((start + end) / 2);
    from = Math.max(0, Math.min(centre - Math.floor(max / 2), text.length - max));
    out = text.slice(from, from + max);
  }
  return out.replace(/\s+/g, ' ').trim();
}
