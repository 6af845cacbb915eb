// Terms are typed as one comma-separated line; commas inside "quoted phrases" belong to the phrase.

export function parseTermList(input: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    if ((ch === ',' || ch === ';' || ch === '\n') && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return [...new Set(out)];
}

export function formatTermList(terms: string[]): string {
  return terms.join(', ');
}
