// The matcher: German-aware keyword matching in one pass. Pure: no DOM, no browser.*.
//
//   const m = compileMatcher({ municipality: { name: 'Stuttgart' }, topics: [{ id: 'bau', terms: ['Baustelle*'] }] });
//   m.scan(text) // → [{ start, end, topicId, term }] with UTF-16 offsets into `text`
//
// scan() folds the text once (normalise.ts), walks a trie of all folded term forms from every word-boundary position
// (trie.ts), checks the end boundary, case and exclusions, and maps the folded offsets back to the original text.
import { FoldBuffer, foldString, foldText, originalEnd, wordAt } from './normalise';
import { MatcherConfigError, municipalityForms, parseTerm, type TermForm, termForms } from './terms';
import { buildTrie } from './trie';
import { type Match, type Matcher, type MatcherConfig, MUNICIPALITY_TOPIC } from './types';

export { FoldBuffer, foldString, foldText } from './normalise';
export { inflect, MAX_TERM_LENGTH, MatcherConfigError, type MatcherConfigErrorReason, parseTerm } from './terms';
export type { Match, Matcher, MatcherConfig, MunicipalityConfig, TopicConfig } from './types';
export { MUNICIPALITY_TOPIC } from './types';

const EXCLUDE = -1;

interface Pattern {
  key: string;
  /** index into topicIds, or EXCLUDE */
  topic: number;
  term: string;
  prefix: boolean;
  /** the case-keeping fold to compare against, for case-sensitive terms */
  keepCase: string | null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listOf(v: unknown, topicId: string, what: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new MatcherConfigError('invalid-config', what, topicId);
  return v;
}

/** Compiles a configuration into a reusable matcher. Throws MatcherConfigError naming the first bad term. */
export function compileMatcher(config: MatcherConfig): Matcher {
  if (!isObject(config)) throw new MatcherConfigError('invalid-config', 'config');
  const topicIds: string[] = [MUNICIPALITY_TOPIC];
  const topicIndex = new Map<string, number>([[MUNICIPALITY_TOPIC, 0]]);
  const patterns: Pattern[] = [];
  const seen = new Set<string>();

  const add = (forms: TermForm[], topic: number, term: string, caseSensitive: boolean) => {
    for (const f of forms) {
      const keepCase = caseSensitive ? f.keepCase : null;
      const id = `${topic}\u0000${f.prefix ? '*' : ''}${f.folded}\u0000${keepCase ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      patterns.push({ key: f.folded, topic, term, prefix: f.prefix, keepCase });
    }
  };

  const municipality: unknown = config.municipality;
  if (municipality !== undefined && municipality !== null) {
    if (!isObject(municipality)) throw new MatcherConfigError('invalid-config', 'municipality', MUNICIPALITY_TOPIC);
    const caseSensitive = municipality.caseSensitive === true;
    const name = municipality.name;
    // An empty name (a fresh profile) disables municipality matching rather than failing.
    if (!(typeof name === 'string' && name.trim() === '') && name !== undefined) {
      const parsed = parseTerm(name, MUNICIPALITY_TOPIC);
      add(municipalityForms(parsed), 0, parsed.raw, caseSensitive);
    }
    for (const alias of listOf(municipality.aliases, MUNICIPALITY_TOPIC, 'aliases')) {
      const parsed = parseTerm(alias, MUNICIPALITY_TOPIC);
      add(municipalityForms(parsed), 0, parsed.raw, caseSensitive);
    }
    for (const ex of listOf(municipality.exclude, MUNICIPALITY_TOPIC, 'exclude')) {
      const parsed = parseTerm(ex, MUNICIPALITY_TOPIC);
      add(termForms(parsed), EXCLUDE, parsed.raw, caseSensitive);
    }
  }

  for (const topic of listOf(config.topics, '', 'topics')) {
    if (!isObject(topic) || typeof topic.id !== 'string')
      throw new MatcherConfigError('invalid-config', 'topics', isObject(topic) ? String(topic.id) : undefined);
    const id = topic.id;
    let index = topicIndex.get(id);
    if (index === undefined) {
      index = topicIds.length;
      topicIds.push(id);
      topicIndex.set(id, index);
    }
    const caseSensitive = topic.caseSensitive === true;
    for (const term of listOf(topic.terms, id, 'terms')) {
      const parsed = parseTerm(term, id);
      add(termForms(parsed), index, parsed.raw, caseSensitive);
    }
    for (const ex of listOf(topic.exclude, id, 'exclude')) {
      const parsed = parseTerm(ex, id);
      add(termForms(parsed), EXCLUDE, parsed.raw, caseSensitive);
    }
  }

  return new TrieMatcher(patterns, topicIds);
}

class TrieMatcher implements Matcher {
  private readonly trie;
  private readonly patTopic: Int32Array;
  private readonly patPrefix: Uint8Array;
  private readonly patLength: Int32Array;
  private readonly patTerm: string[];
  private readonly patKeepCase: (string | null)[];
  private readonly topicIds: string[];
  private readonly buf = new FoldBuffer(1024);
  // per-position candidates, reused
  private readonly candTopic: number[] = [];
  private readonly candEnd: number[] = [];
  private readonly candId: number[] = [];

  constructor(patterns: Pattern[], topicIds: string[]) {
    this.trie = buildTrie(patterns.map((p) => p.key));
    this.patTopic = Int32Array.from(patterns, (p) => p.topic);
    this.patPrefix = Uint8Array.from(patterns, (p) => (p.prefix ? 1 : 0));
    this.patLength = Int32Array.from(patterns, (p) => p.key.length);
    this.patTerm = patterns.map((p) => p.term);
    this.patKeepCase = patterns.map((p) => p.keepCase);
    this.topicIds = topicIds;
  }

  scan(text: string): Match[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const buf = this.buf;
    foldText(text, buf);
    const n = buf.length;
    const chars = buf.chars;
    const { alpha, denseOff, dense, childStart, childSym, childNode, outStart, outIds } = this.trie;
    const patTopic = this.patTopic;
    const patPrefix = this.patPrefix;
    const patLength = this.patLength;
    const patKeepCase = this.patKeepCase;
    const candTopic = this.candTopic;
    const candEnd = this.candEnd;
    const candId = this.candId;

    // Raw results in folded coordinates, in order of start.
    const mStart: number[] = [];
    const mEnd: number[] = [];
    const mId: number[] = [];
    const xStart: number[] = [];
    const xEnd: number[] = [];

    const heads = buf.heads;
    const headCount = buf.headCount;
    for (let h = 0; h < headCount; h++) {
      const p = heads[h] as number;
      if (alpha[chars[p] as number] !== 0) {
        let node = 0;
        let nCand = 0;
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
            const keepCase = patKeepCase[id];
            if (keepCase != null && !this.caseMatches(text, p, end, keepCase, patPrefix[id] === 1)) continue;
            const topic = patTopic[id] as number;
            if (topic === EXCLUDE) {
              xStart.push(p);
              xEnd.push(end);
              continue;
            }
            let k = 0;
            while (k < nCand && candTopic[k] !== topic) k++;
            if (k === nCand) {
              candTopic[k] = topic;
              candEnd[k] = end;
              candId[k] = id;
              nCand++;
            } else {
              const best = candId[k] as number;
              const bestEnd = candEnd[k] as number;
              if (
                end > bestEnd ||
                (end === bestEnd &&
                  ((patLength[id] as number) > (patLength[best] as number) ||
                    (patLength[id] === patLength[best] && id < best)))
              ) {
                candEnd[k] = end;
                candId[k] = id;
              }
            }
          }
        }
        for (let k = 0; k < nCand; k++) {
          mStart.push(p);
          mEnd.push(candEnd[k] as number);
          mId.push(candId[k] as number);
        }
      }
    }
    if (mStart.length === 0) return [];

    // Exclusions: excludes are sorted by start; a match [a, b) is suppressed when some exclude with start < b
    // ends after a, i.e. when the running maximum of exclude ends (over those starting before b) exceeds a.
    const xMaxEnd: number[] = [];
    let runningMax = -1;
    for (let i = 0; i < xStart.length; i++) {
      runningMax = Math.max(runningMax, xEnd[i] as number);
      xMaxEnd.push(runningMax);
    }

    const topicMaxEnd = new Int32Array(this.topicIds.length).fill(-1);
    const starts = buf.starts;
    const out: Match[] = [];
    for (let i = 0; i < mStart.length; i++) {
      const a = mStart[i] as number;
      const b = mEnd[i] as number;
      if (xStart.length > 0) {
        let lo = 0;
        let hi = xStart.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((xStart[mid] as number) < b) lo = mid + 1;
          else hi = mid;
        }
        if (lo > 0 && (xMaxEnd[lo - 1] as number) > a) continue;
      }
      const id = mId[i] as number;
      const topic = patTopic[id] as number;
      // A match inside a longer match of the same topic adds nothing.
      if (b <= (topicMaxEnd[topic] as number)) continue;
      topicMaxEnd[topic] = b;
      out.push({
        start: starts[a] as number,
        end: originalEnd(text, buf, b - 1),
        topicId: this.topicIds[topic] as string,
        term: this.patTerm[id] as string,
      });
    }
    out.sort((x, y) => x.start - y.start || y.end - x.end);
    return out;
  }

  private caseMatches(text: string, a: number, b: number, keepCase: string, prefix: boolean): boolean {
    const slice = text.slice(this.buf.starts[a], originalEnd(text, this.buf, b - 1));
    const folded = foldString(slice, true).trim();
    return prefix ? folded.startsWith(keepCase) : folded === keepCase;
  }
}
