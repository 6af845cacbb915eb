// The reference engine: folds the whole text into a buffer with an offset map (normalise.ts), then walks the trie
// from every head of the folded text. Simple and slow; kept as the oracle the fast scanner (scan.ts) is tested
// against. Not used by compileMatcher, so it stays out of the extension bundle.
import { type Compiled, compile, Hits, resolve } from './compile';
import { FoldBuffer, foldString, foldText, originalEnd, wordAt } from './normalise';
import type { Match, Matcher, MatcherConfig } from './types';

export function referenceScan(c: Compiled, text: string, buf = new FoldBuffer(1024), hits = new Hits()): Match[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  foldText(text, buf);
  hits.reset();
  const n = buf.length;
  const chars = buf.chars;
  const starts = buf.starts;
  const { alpha, denseOff, dense, childStart, childSym, childNode, outStart, outIds } = c.trie;
  const { patPrefix, patKeepCase } = c;
  const heads = buf.heads;
  for (let h = 0; h < buf.headCount; h++) {
    const p = heads[h] as number;
    if (alpha[chars[p] as number] === 0) continue;
    let node = 0;
    for (let q = p; q < n; ) {
      const sym = alpha[chars[q] as number] as number;
      if (sym === 0) break;
      const off = denseOff[node] as number;
      let next = 0;
      if (off >= 0) next = dense[off + sym] as number;
      else {
        const stop = childStart[node + 1] as number;
        for (let e = childStart[node] as number; e < stop; e++) {
          if (childSym[e] === sym) {
            next = childNode[e] as number;
            break;
          }
        }
      }
      if (next === 0) break;
      node = next;
      q++;
      const o1 = outStart[node + 1] as number;
      for (let o = outStart[node] as number; o < o1; o++) {
        const id = outIds[o] as number;
        let end = q;
        if (patPrefix[id] === 1) {
          while (end < n && wordAt(chars, end, n)) {
            const u = chars[end] as number;
            end += u >= 0xd800 && u <= 0xdbff ? 2 : 1;
          }
          if (end > n) end = n;
        } else if (q < n && wordAt(chars, q, n)) continue;
        const origStart = starts[p] as number;
        const origEnd = originalEnd(text, buf, end - 1);
        const keepCase = patKeepCase[id];
        if (keepCase != null) {
          const folded = foldString(text.slice(origStart, origEnd), true).trim();
          if (patPrefix[id] === 1 ? !folded.startsWith(keepCase) : folded !== keepCase) continue;
        }
        hits.offer(c, id, p, end, origEnd);
      }
    }
    hits.flush(p, starts[p] as number);
  }
  return resolve(c, hits, text);
}

/** compileMatcher with the reference engine (for tests). */
export function compileReferenceMatcher(config: MatcherConfig): Matcher {
  const c = compile(config);
  const buf = new FoldBuffer(1024);
  const hits = new Hits();
  return { scan: (text: string) => referenceScan(c, text, buf, hits) };
}
