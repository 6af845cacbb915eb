// The matcher: German-aware keyword matching in one pass. Pure: no DOM, no browser.*.
//
//   const m = compileMatcher({ municipality: { name: 'Stuttgart' }, topics: [{ id: 'bau', terms: ['Baustelle*'] }] });
//   m.scan(text) // → [{ start, end, topicId, term }] with UTF-16 offsets into `text`
//
// compileMatcher parses the terms and builds a trie of all folded term forms (compile.ts, terms.ts, trie.ts). scan()
// walks the original text once through the fold table of normalise.ts, walking the trie from every word-boundary
// position and checking the end boundary, case and exclusions (scan.ts). reference.ts holds the simpler engine that
// folds the whole text first; the tests check that both agree.
import { compile, compileSteps } from './compile';
import { Scanner } from './scan';
import { runSteps, type Steps } from './steps';
import { type ConfigProblem, cleanConfigSteps } from './tolerant';
import type { Match, Matcher, MatcherConfig } from './types';

export { hasAdjacentSignal } from './context';
export { FoldBuffer, foldString, foldText } from './normalise';
export { runSteps, runStepsInSlices, type SliceOptions, type Steps } from './steps';
export {
  inflect,
  MAX_TERM_LENGTH,
  MatcherConfigError,
  type MatcherConfigErrorReason,
  parseTerm,
  REASON_MESSAGE_KEYS,
} from './terms';
export { type ConfigField, type ConfigProblem, checkConfig } from './tolerant';
export type { Match, Matcher, MatcherConfig, MunicipalityConfig, TopicConfig } from './types';
export { MUNICIPALITY_TOPIC } from './types';

/** Compiles a configuration into a reusable matcher. Throws MatcherConfigError naming the first bad term. */
export function compileMatcher(config: MatcherConfig): Matcher {
  return new TrieMatcher(new Scanner(compile(config)));
}

/**
 * Compiles what compiles and reports the rest: for a stored configuration that may predate the validator. Never
 * throws.
 */
export function compileTolerant(config: unknown): TolerantResult {
  return runSteps(compileTolerantSteps(config));
}

export interface TolerantResult {
  matcher: Matcher;
  problems: ConfigProblem[];
}

/**
 * compileTolerant in steps (see steps.ts), for the content script: checks every term, then compiles once (an earlier
 * version checked by compiling, then compiled again: 1.3–1.5× the time, on every page load).
 */
export function* compileTolerantSteps(config: unknown): Steps<TolerantResult> {
  const { config: cleaned, problems } = yield* cleanConfigSteps(config);
  const compiled = yield* compileSteps(cleaned);
  yield;
  const matcher = new TrieMatcher(new Scanner(compiled));
  // once more before returning: what the caller does next (start the scanner) need not share the scan tables' slice
  yield;
  return { matcher, problems };
}

class TrieMatcher implements Matcher {
  constructor(private readonly scanner: Scanner) {}

  scan(text: string): Match[] {
    return this.scanner.scan(text);
  }
}
