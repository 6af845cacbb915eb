// Compiling a configuration into patterns and a trie, and the part of scanning both engines share: choosing the
// longest match per topic at a start, exclusions, and de-duplication.
//
// Positions ("codes") are numbers that order like positions in the folded text. The fast scanner (scan.ts) uses
// originalIndex * CODE_STRIDE + unitWithinCharacter; the reference scanner (reference.ts) uses folded indices. A match
// end is the code of its last folded unit + 1, so that `start < end` comparisons behave like folded ranges.
import { canBeTown, hasAdjacentSignal } from './context';
import { runSteps, type Steps, yieldEvery } from './steps';
import { MatcherConfigError, municipalityForms, parseTerm, type TermForm, termForms } from './terms';
import { buildTrieSteps, type Trie } from './trie';
import { type Match, type MatcherConfig, MUNICIPALITY_TOPIC } from './types';

export const EXCLUDE = -1;

export interface Pattern {
  key: string;
  /** index into topicIds, or EXCLUDE */
  topic: number;
  term: string;
  prefix: boolean;
  /** the case-keeping fold to compare against, for case-sensitive terms */
  keepCase: string | null;
  /** counts only with a town signal (MunicipalityConfig.contextual) */
  contextual: boolean;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listOf(v: unknown, topicId: string, what: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new MatcherConfigError('invalid-config', what, topicId);
  return v;
}

/** Topic terms parsed between two yields (a term with its forms takes ~10–20 µs). */
const TERMS_PER_STEP = 32;

/** Parses and validates a configuration. Throws MatcherConfigError naming the first bad term. */
export function* compilePatternsSteps(config: MatcherConfig): Steps<{ patterns: Pattern[]; topicIds: string[] }> {
  const due = yieldEvery(TERMS_PER_STEP);
  if (!isObject(config)) throw new MatcherConfigError('invalid-config', 'config');
  const topicIds: string[] = [MUNICIPALITY_TOPIC];
  const topicIndex = new Map<string, number>([[MUNICIPALITY_TOPIC, 0]]);
  const patterns: Pattern[] = [];
  const seen = new Set<string>();

  const add = (forms: TermForm[], topic: number, term: string, caseSensitive: boolean, contextual = false) => {
    for (const f of forms) {
      const keepCase = caseSensitive ? f.keepCase : null;
      const id = `${topic}\u0000${f.prefix ? '*' : ''}${f.folded}\u0000${keepCase ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      patterns.push({ key: f.folded, topic, term, prefix: f.prefix, keepCase, contextual });
    }
  };

  /** Municipality forms, each plain or contextual. */
  const addSplit = (forms: TermForm[], term: string, caseSensitive: boolean, ctx: (f: TermForm) => boolean) => {
    add(
      forms.filter((f) => !ctx(f)),
      0,
      term,
      caseSensitive,
    );
    add(forms.filter(ctx), 0, term, caseSensitive, true);
  };

  const municipality: unknown = config.municipality;
  if (municipality !== undefined && municipality !== null) {
    if (!isObject(municipality)) throw new MatcherConfigError('invalid-config', 'municipality', MUNICIPALITY_TOPIC);
    const caseSensitive = municipality.caseSensitive === true;
    // Context matching: the forms of a contextual word need a town signal, unless an alias spells them out too
    // ("Essen" contextual, "Essener" an alias: the demonym counts on its own).
    const contextual = listOf(municipality.contextual, MUNICIPALITY_TOPIC, 'contextual').map((w) =>
      parseTerm(w, MUNICIPALITY_TOPIC),
    );
    const aliases = listOf(municipality.aliases, MUNICIPALITY_TOPIC, 'aliases').map((a) =>
      parseTerm(a, MUNICIPALITY_TOPIC),
    );
    const aliasKeys = new Set(aliases.flatMap((a) => municipalityForms(a).map((f) => f.folded)));
    const contextKeys = new Set(contextual.flatMap((w) => municipalityForms(w).map((f) => f.folded)));
    const needsContext = (f: TermForm) => contextKeys.has(f.folded) && !aliasKeys.has(f.folded);
    const name = municipality.name;
    // An empty name (a fresh profile) disables municipality matching rather than failing.
    if (!(typeof name === 'string' && name.trim() === '') && name !== undefined) {
      const parsed = parseTerm(name, MUNICIPALITY_TOPIC);
      addSplit(municipalityForms(parsed), parsed.raw, caseSensitive, needsContext);
    }
    for (const parsed of aliases) add(municipalityForms(parsed), 0, parsed.raw, caseSensitive);
    for (const parsed of contextual) addSplit(municipalityForms(parsed), parsed.raw, caseSensitive, needsContext);
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
      if (due()) yield;
    }
    for (const ex of listOf(topic.exclude, id, 'exclude')) {
      const parsed = parseTerm(ex, id);
      add(termForms(parsed), EXCLUDE, parsed.raw, caseSensitive);
      if (due()) yield;
    }
  }

  return { patterns, topicIds };
}

/** Everything a scan needs, in flat arrays. */
export class Compiled {
  readonly trie: Trie;
  readonly patTopic: Int32Array;
  readonly patPrefix: Uint8Array;
  readonly patLength: Int32Array;
  readonly patTerm: string[];
  readonly patKeepCase: (string | null)[];
  readonly patContextual: Uint8Array;
  /** 1 when any pattern is case-sensitive */
  readonly anyKeepCase: boolean;
  readonly anyContextual: boolean;

  constructor(
    patterns: Pattern[],
    readonly topicIds: string[],
    trie: Trie,
  ) {
    this.trie = trie;
    // One plain loop: TypedArray.from with a mapping function goes through the iterator protocol, ~10× slower on a
    // profile of 100,000 terms.
    const n = patterns.length;
    this.patTopic = new Int32Array(n);
    this.patPrefix = new Uint8Array(n);
    this.patLength = new Int32Array(n);
    this.patContextual = new Uint8Array(n);
    this.patTerm = new Array(n);
    this.patKeepCase = new Array(n);
    let anyKeepCase = false;
    let anyContextual = false;
    for (let i = 0; i < n; i++) {
      const p = patterns[i] as Pattern;
      this.patTopic[i] = p.topic;
      this.patPrefix[i] = p.prefix ? 1 : 0;
      this.patLength[i] = p.key.length;
      this.patContextual[i] = p.contextual ? 1 : 0;
      this.patTerm[i] = p.term;
      this.patKeepCase[i] = p.keepCase;
      if (p.keepCase !== null) anyKeepCase = true;
      if (p.contextual) anyContextual = true;
    }
    this.anyKeepCase = anyKeepCase;
    this.anyContextual = anyContextual;
  }
}

export function* compileSteps(config: MatcherConfig): Steps<Compiled> {
  const { patterns, topicIds } = yield* compilePatternsSteps(config);
  const trie = yield* buildTrieSteps(patterns.map((p) => p.key));
  yield;
  return new Compiled(patterns, topicIds, trie);
}

export function compile(config: MatcherConfig): Compiled {
  return runSteps(compileSteps(config));
}

/**
 * Raw results of one scan: candidate matches (at most one per topic and start, in order of start) and exclusion
 * ranges (in order of start), in codes, with the original offsets of the matches. Arrays are reused between scans
 * (counts say how much is valid), so a scan without matches allocates nothing.
 */
export class Hits {
  count = 0;
  mStart: number[] = [];
  mEnd: number[] = [];
  mId: number[] = [];
  mOrigStart: number[] = [];
  mOrigEnd: number[] = [];
  xCount = 0;
  xStart: number[] = [];
  xEnd: number[] = [];
  /** running maximum of xEnd, filled by resolve */
  xMaxEnd: number[] = [];
  topicMaxEnd: number[] = [];
  // per-start candidates, one per topic
  nCand = 0;
  candTopic: number[] = [];
  candEnd: number[] = [];
  candId: number[] = [];
  candOrigEnd: number[] = [];

  reset(): void {
    this.count = 0;
    this.xCount = 0;
    this.nCand = 0;
  }

  /** Offers pattern `id` ending at `end` (code) / `origEnd` for the current start; the longest per topic wins. */
  offer(c: Compiled, id: number, start: number, end: number, origEnd: number): void {
    const topic = c.patTopic[id] as number;
    if (topic === EXCLUDE) {
      this.xStart[this.xCount] = start;
      this.xEnd[this.xCount] = end;
      this.xCount++;
      return;
    }
    const candTopic = this.candTopic;
    const nCand = this.nCand;
    let k = 0;
    while (k < nCand && candTopic[k] !== topic) k++;
    if (k === nCand) {
      candTopic[k] = topic;
      this.candEnd[k] = end;
      this.candId[k] = id;
      this.candOrigEnd[k] = origEnd;
      this.nCand = nCand + 1;
      return;
    }
    const best = this.candId[k] as number;
    const bestEnd = this.candEnd[k] as number;
    const patLength = c.patLength;
    if (
      end > bestEnd ||
      (end === bestEnd &&
        ((patLength[id] as number) > (patLength[best] as number) || (patLength[id] === patLength[best] && id < best)))
    ) {
      this.candEnd[k] = end;
      this.candId[k] = id;
      this.candOrigEnd[k] = origEnd;
    }
  }

  /** Moves the current start's candidates to the match list. */
  flush(start: number, origStart: number): void {
    for (let k = 0; k < this.nCand; k++) {
      const m = this.count++;
      this.mStart[m] = start;
      this.mEnd[m] = this.candEnd[k] as number;
      this.mId[m] = this.candId[k] as number;
      this.mOrigStart[m] = origStart;
      this.mOrigEnd[m] = this.candOrigEnd[k] as number;
    }
    this.nCand = 0;
  }
}

/** Applies exclusions, per-topic de-duplication and context rules, and builds the sorted result. */
export function resolve(c: Compiled, hits: Hits, text: string): Match[] {
  const count = hits.count;
  if (count === 0) return [];
  const { mStart, mEnd, mId, mOrigStart, mOrigEnd, xStart, xEnd, xMaxEnd, topicMaxEnd } = hits;
  const xCount = hits.xCount;

  // Exclusions: excludes are sorted by start; a match [a, b) is suppressed when some exclude with start < b
  // ends after a, i.e. when the running maximum of exclude ends (over those starting before b) exceeds a.
  let runningMax = -1;
  for (let i = 0; i < xCount; i++) {
    runningMax = Math.max(runningMax, xEnd[i] as number);
    xMaxEnd[i] = runningMax;
  }

  const patTopic = c.patTopic;
  for (let t = 0; t < c.topicIds.length; t++) topicMaxEnd[t] = -1;
  const out: Match[] = [];
  /** contextual matches without an adjacent signal: kept only if the text holds another municipality match */
  let unsignalled: Set<Match> | null = null;
  let plainTown = false;
  let sorted = true;
  for (let i = 0; i < count; i++) {
    const a = mStart[i] as number;
    const b = mEnd[i] as number;
    if (xCount > 0) {
      let lo = 0;
      let hi = xCount;
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
    const match: Match = {
      start: mOrigStart[i] as number,
      end: mOrigEnd[i] as number,
      topicId: c.topicIds[topic] as string,
      term: c.patTerm[id] as string,
    };
    if (c.anyContextual && topic === 0) {
      if (c.patContextual[id] !== 1) plainTown = true;
      else if (!hasAdjacentSignal(text, match.start)) {
        unsignalled ??= new Set();
        unsignalled.add(match);
      }
    }
    const prev = out[out.length - 1];
    if (prev !== undefined && (prev.start > match.start || (prev.start === match.start && prev.end < match.end)))
      sorted = false;
    out.push(match);
  }
  if (!sorted) out.sort((x, y) => x.start - y.start || y.end - x.end);
  if (unsignalled !== null) {
    // with another town match in the text, a bare word counts where a name can stand
    const drop = unsignalled;
    return out.filter((m) => !drop.has(m) || (plainTown && canBeTown(text, m.start)));
  }
  return out;
}
