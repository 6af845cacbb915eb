// PURE: did the box take the reply? Editors render line breaks their own way (a paragraph, a <br>, "\n"), so text
// is compared with every run of whitespace folded to one space.

export function foldWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

/** How often `needle` occurs in `haystack`, without overlaps, both folded. */
export function occurrences(haystack: string, needle: string): number {
  const h = foldWhitespace(haystack);
  const n = foldWhitespace(needle);
  if (!n) return 0;
  let count = 0;
  for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + n.length)) count++;
  return count;
}

/** The box took the reply exactly once more than it had it before. */
export function tookReply(before: string, after: string, text: string): boolean {
  return occurrences(after, text) === occurrences(before, text) + 1;
}
