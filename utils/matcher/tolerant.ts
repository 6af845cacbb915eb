// Checking a configuration term by term: every bad term is reported (not only the first), and the rest compiles.
// The options page and the profile import refuse a configuration with problems; the content script highlights what
// compiles and reports the rest, so one bad stored term never turns Lauscher off.
import { compile } from './compile';
import { runSteps, type Steps, yieldEvery } from './steps';
import { MatcherConfigError, type MatcherConfigErrorReason, parseTerm } from './terms';
import { type MatcherConfig, MUNICIPALITY_TOPIC, type MunicipalityConfig, type TopicConfig } from './types';

/** Where in the configuration a term sits. */
export type ConfigField = 'name' | 'aliases' | 'contextual' | 'exclude' | 'terms' | 'topics';

export interface ConfigProblem {
  reason: MatcherConfigErrorReason;
  /** `'municipality'` or the topic's id */
  topicId: string;
  field: ConfigField;
  /** the offending term as configured (stringified) */
  term: string;
  /** position of the term in its list (0 for the name) */
  index: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface CheckedConfig {
  config: MatcherConfig;
  problems: ConfigProblem[];
}

/** Terms checked between two yields. */
const TERMS_PER_STEP = 64;

/**
 * The configuration without its bad terms, and the problems found. Malformed containers (a topic that is not an
 * object, a term list that is not a list) are dropped whole and reported once.
 */
export function checkConfig(config: unknown): CheckedConfig {
  const checked = runSteps(cleanConfigSteps(config));
  // Anything parseTerm accepts compiles; this keeps that promise checked.
  compile(checked.config);
  return checked;
}

/** checkConfig's cleaning in steps, without the compile (a caller that compiles next checks that anyway). */
export function* cleanConfigSteps(config: unknown): Steps<CheckedConfig> {
  const problems: ConfigProblem[] = [];
  const due = yieldEvery(TERMS_PER_STEP);
  const keep = (raw: unknown, topicId: string, field: ConfigField, index: number): raw is string => {
    try {
      parseTerm(raw, topicId);
      return true;
    } catch (err) {
      if (!(err instanceof MatcherConfigError)) throw err;
      problems.push({ reason: err.reason, topicId, field, term: err.term, index });
      return false;
    }
  };
  function* list(v: unknown, topicId: string, field: ConfigField): Steps<string[]> {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push({ reason: 'invalid-config', topicId, field, term: String(v), index: 0 });
      return [];
    }
    const kept: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const raw: unknown = v[i];
      if (keep(raw, topicId, field, i)) kept.push(raw);
      if (due()) yield;
    }
    return kept;
  }

  const source = isObject(config) ? config : {};
  const m = isObject(source.municipality) ? source.municipality : {};
  const municipality: MunicipalityConfig = { name: '' };
  if (typeof m.name === 'string' && m.name.trim() === '') municipality.name = '';
  else if (m.name !== undefined && keep(m.name, MUNICIPALITY_TOPIC, 'name', 0)) municipality.name = m.name;
  municipality.aliases = yield* list(m.aliases, MUNICIPALITY_TOPIC, 'aliases');
  municipality.contextual = yield* list(m.contextual, MUNICIPALITY_TOPIC, 'contextual');
  municipality.exclude = yield* list(m.exclude, MUNICIPALITY_TOPIC, 'exclude');
  municipality.caseSensitive = m.caseSensitive === true;

  const topics: TopicConfig[] = [];
  const rawTopics = source.topics;
  if (rawTopics !== undefined && !Array.isArray(rawTopics))
    problems.push({ reason: 'invalid-config', topicId: '', field: 'topics', term: String(rawTopics), index: 0 });
  for (const [i, topic] of (Array.isArray(rawTopics) ? rawTopics : []).entries()) {
    if (!isObject(topic) || typeof topic.id !== 'string') {
      const id = isObject(topic) ? String(topic.id) : '';
      problems.push({ reason: 'invalid-config', topicId: id, field: 'topics', term: id, index: i });
      continue;
    }
    topics.push({
      id: topic.id,
      terms: yield* list(topic.terms, topic.id, 'terms'),
      exclude: yield* list(topic.exclude, topic.id, 'exclude'),
      caseSensitive: topic.caseSensitive === true,
    });
  }
  return { config: { municipality, topics }, problems };
}
