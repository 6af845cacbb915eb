// The team profile: municipality, topics and reply templates, shared as a file so a team works from one set.
// One valibot schema says what a profile file may hold (with the limits of ./limits.ts); the matcher then has to
// compile it. Only then does the options page show what would change (profileDiff) and apply it on confirmation.
import * as v from 'valibot';
import { isValidTime, MIN_TIME } from '../dates';
import { COLOR_SLOTS, type Translate } from '../labels';
import { compileMatcher, MatcherConfigError, MUNICIPALITY_TOPIC } from '../matcher';
import type { AuthorMode } from '../model';
import { isPseudonymKey } from '../privacy/team-privacy';
import { matcherConfigOf, type Profile, type ReplyTemplate } from '../settings';
import { withTemplateDefaults } from '../templates';
import {
  ID_PATTERN,
  MAX_ALIASES,
  MAX_LABEL,
  MAX_NAME,
  MAX_TEMPLATE_BODY,
  MAX_TEMPLATE_TITLE,
  MAX_TEMPLATES,
  MAX_TERMS_PER_TOPIC,
  MAX_TOPICS,
} from './limits';
import { firstIfForeign, type Problem, preview, problemsOf } from './problems';
import { decodeText, parseJson } from './read-file';

const AUTHOR_MODES: readonly AuthorMode[] = ['pseudonym', 'plain', 'none'];

export const PROFILE_FORMAT = 'lauscher-profile';
export const PROFILE_VERSION = 1;

// Messages are _locales keys (see ./problems.ts).
const term = v.pipe(v.string('dataErrTermType'), v.maxLength(200, 'dataErrTermLength'));
const termList = (max: number, msg: string) => v.pipe(v.array(term, 'dataErrListType'), v.maxLength(max, msg));
const id = v.pipe(
  v.string('dataErrIdType'),
  v.regex(ID_PATTERN, 'dataErrId'),
  v.check((x) => x !== MUNICIPALITY_TOPIC, 'dataErrIdReserved'),
);
const uniqueIds = <T extends { id: string }>(items: T[]) => new Set(items.map((x) => x.id)).size === items.length;

const municipalitySchema = v.object(
  {
    name: v.pipe(v.string('dataErrNameMissing'), v.trim(), v.minLength(1, 'dataErrNameMissing'), v.maxLength(MAX_NAME)),
    aliases: v.optional(termList(MAX_ALIASES, 'dataErrTooManyAliases'), []),
    caseSensitive: v.optional(v.boolean(), false),
    // Names issue: the forms that count only with a town signal (context matching).
    contextual: v.optional(termList(MAX_ALIASES, 'dataErrTooManyAliases')),
  },
  'dataErrNameMissing',
);

const topicSchema = v.object({
  id,
  label: v.pipe(
    v.string('dataErrLabel'),
    v.trim(),
    v.minLength(1, 'dataErrLabel'),
    v.maxLength(MAX_LABEL, 'dataErrLabel'),
  ),
  // An unknown colour is not worth rejecting a colleague's profile for: it becomes grey.
  color: v.fallback(v.picklist(COLOR_SLOTS), 'grey'),
  terms: termList(MAX_TERMS_PER_TOPIC, 'dataErrTooManyTerms'),
  exclude: v.optional(termList(MAX_TERMS_PER_TOPIC, 'dataErrTooManyTerms'), []),
  caseSensitive: v.optional(v.boolean()),
  urgent: v.optional(v.boolean()),
});

const epochMs = v.pipe(v.number('dataErrTime'), v.finite('dataErrTime'), v.minValue(MIN_TIME, 'dataErrTime'));

const templateSchema = v.object({
  id,
  title: v.pipe(
    v.string('dataErrTitle'),
    v.trim(),
    v.minLength(1, 'dataErrTitle'),
    v.maxLength(MAX_TEMPLATE_TITLE, 'dataErrTitle'),
  ),
  body: v.pipe(v.string('dataErrBody'), v.maxLength(MAX_TEMPLATE_BODY, 'dataErrBodyLength')),
  topicIds: v.optional(v.array(v.pipe(v.string(), v.maxLength(64)), 'dataErrListType'), []),
  // Fields of the replies issue (Sie/Du variants, versions, approval), optional so older files stay valid.
  formality: v.optional(v.picklist(['sie', 'du'], 'dataErrFormality')),
  variantGroup: v.optional(v.pipe(v.string(), v.maxLength(64))),
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e9))),
  approvedBy: v.optional(v.pipe(v.string(), v.maxLength(MAX_NAME))),
  approvedAt: v.optional(
    v.pipe(
      epochMs,
      v.check((t) => isValidTime(t), 'dataErrTime'),
    ),
  ),
  validUntil: v.optional(epochMs),
});

/** The profile itself: the one place to extend when an issue adds a field. */
export const ProfileSchema = v.object({
  municipality: municipalitySchema,
  topics: v.pipe(
    v.array(topicSchema, 'dataErrListType'),
    v.maxLength(MAX_TOPICS, 'dataErrTooManyTopics'),
    v.check(uniqueIds, 'dataErrDuplicateTopic'),
  ),
  templates: v.optional(
    v.pipe(
      v.array(templateSchema, 'dataErrListType'),
      v.maxLength(MAX_TEMPLATES, 'dataErrTooManyTemplates'),
      v.check(uniqueIds, 'dataErrDuplicateTemplate'),
    ),
    [],
  ),
  // Replies issue: the house's form of address; privacy issue: the team's pseudonym key.
  houseFormality: v.optional(v.picklist(['sie', 'du'], 'dataErrFormality')),
  pseudonymKey: v.optional(v.pipe(v.string(), v.maxLength(MAX_NAME))),
  // Privacy issue: the team's author mode; an unknown value is left out (the local setting applies), not refused.
  authorMode: v.optional(v.unknown()),
});

export const ProfileFileSchema = v.object(
  {
    format: v.literal(PROFILE_FORMAT, 'dataErrNotProfile'),
    version: v.pipe(
      v.number('dataErrVersion'),
      v.integer('dataErrVersion'),
      v.minValue(1, 'dataErrVersion'),
      v.maxValue(PROFILE_VERSION, 'dataErrNewerVersion'),
    ),
    exportedAt: v.optional(v.string()),
    profile: ProfileSchema,
  },
  'dataErrNotProfile',
);

export function profileFileName(name: string, now = new Date()): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `lauscher-teamprofil-${slug || 'kommune'}-${now.toISOString().slice(0, 10)}.json`;
}

export function profileToJson(profile: Profile, now = new Date()): string {
  return JSON.stringify(
    { format: PROFILE_FORMAT, version: PROFILE_VERSION, exportedAt: now.toISOString(), profile },
    null,
    2,
  );
}

export type ProfileImport = { ok: true; profile: Profile } | { ok: false; problems: Problem[] };

const MATCHER_KEYS: Record<string, string> = {
  'not-a-string': 'dataErrTermType',
  empty: 'dataErrTermEmpty',
  'too-long': 'dataErrTermLength',
  'no-letters': 'dataErrTermNoLetters',
  'unbalanced-quote': 'dataErrTermQuote',
  'misplaced-wildcard': 'dataErrTermWildcard',
};

/**
 * Whether the matcher accepts the profile: the same compile the content script runs, so a term it would refuse
 * (`Bau*stelle`, an alias `???`) is caught here and not on every page. The names issue's shared profile validator
 * takes this place when it lands.
 */
export function matcherProblem(profile: Profile): Problem | null {
  try {
    compileMatcher(matcherConfigOf(profile));
    return null;
  } catch (err) {
    if (!(err instanceof MatcherConfigError)) throw err;
    const topic = profile.topics.findIndex((x) => x.id === err.topicId);
    const path: (string | number)[] =
      err.topicId === MUNICIPALITY_TOPIC || topic < 0 ? ['municipality'] : ['topics', topic];
    return { key: MATCHER_KEYS[err.reason] ?? 'dataErrShape', path, value: preview(err.term) };
  }
}

/** Validates an already parsed profile file; no partial profile ever comes out. */
export function validateProfileFile(file: unknown): ProfileImport {
  const parsed = v.safeParse(ProfileFileSchema, file, { abortPipeEarly: true });
  if (!parsed.success) return { ok: false, problems: firstIfForeign(problemsOf(parsed.issues)) };
  const { pseudonymKey, authorMode, ...read } = parsed.output.profile;
  // Sie/Du, versions and approval default for files written before them; a malformed key is left out (the local one
  // stays: pseudonyms keep matching).
  const profile: Profile = {
    ...read,
    houseFormality: read.houseFormality ?? 'sie',
    templates: read.templates.map((x) => withTemplateDefaults(x as ReplyTemplate)),
    ...(isPseudonymKey(pseudonymKey) ? { pseudonymKey } : {}),
    ...(AUTHOR_MODES.includes(authorMode as AuthorMode) ? { authorMode: authorMode as AuthorMode } : {}),
  };
  const problem = matcherProblem(profile);
  return problem ? { ok: false, problems: [problem] } : { ok: true, profile };
}

/** Reads a profile file's text (BOM and UTF-16 already handled by decodeText for bytes). */
export function profileFromJson(text: string): ProfileImport {
  const file = parseJson(text);
  if (file === undefined) return { ok: false, problems: [{ key: 'dataErrNotJson', path: [] }] };
  return validateProfileFile(file);
}

/** Reads a profile file's bytes: size limit first, then encoding, JSON, schema and matcher. */
export function profileFromBytes(bytes: Uint8Array, maxBytes: number): ProfileImport {
  if (bytes.byteLength > maxBytes) return { ok: false, problems: [{ key: 'dataErrProfileTooBig', path: [] }] };
  return profileFromJson(decodeText(bytes));
}

// ---------------------------------------------------------------------------------------------------------------
// What an import would change

export interface ProfileDiff {
  municipalityChanged: boolean;
  topicsAdded: number;
  topicsChanged: number;
  topicsRemoved: number;
  templatesAdded: number;
  templatesChanged: number;
  templatesRemoved: number;
  /** Anything else (form of address, pseudonym key …). */
  otherChanged: boolean;
}

/** JSON with sorted keys, so the same content in another key order counts as unchanged. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function compareById<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  let added = 0;
  let changed = 0;
  for (const x of after) {
    const o = old.get(x.id);
    if (!o) added += 1;
    else if (!same(o, x)) changed += 1;
  }
  const ids = new Set(after.map((x) => x.id));
  return { added, changed, removed: before.filter((x) => !ids.has(x.id)).length };
}

/** Importing replaces the profile; this says by how much, per part. */
export function profileDiff(current: Profile, next: Profile): ProfileDiff {
  const topics = compareById(current.topics, next.topics);
  const templates = compareById(current.templates, next.templates);
  const { municipality: m1, topics: _t1, templates: _p1, ...rest1 } = current;
  const { municipality: m2, topics: _t2, templates: _p2, ...rest2 } = next;
  return {
    municipalityChanged: !same(m1, m2),
    topicsAdded: topics.added,
    topicsChanged: topics.changed,
    topicsRemoved: topics.removed,
    templatesAdded: templates.added,
    templatesChanged: templates.changed,
    templatesRemoved: templates.removed,
    otherChanged: !same(rest1, rest2),
  };
}

/** "3 neue Themen, 2 geänderte Vorlagen, Kommune unverändert" */
export function diffSummary(t: Translate, d: ProfileDiff): string {
  const count = (n: number, key: string) => (n === 0 ? [] : [n === 1 ? t(`${key}1`) : t(key, String(n))]);
  const parts = [
    ...count(d.topicsAdded, 'dataDiffTopicsAdded'),
    ...count(d.topicsChanged, 'dataDiffTopicsChanged'),
    ...count(d.topicsRemoved, 'dataDiffTopicsRemoved'),
    ...count(d.templatesAdded, 'dataDiffTemplatesAdded'),
    ...count(d.templatesChanged, 'dataDiffTemplatesChanged'),
    ...count(d.templatesRemoved, 'dataDiffTemplatesRemoved'),
    ...(d.otherChanged ? [t('dataDiffOtherChanged')] : []),
  ];
  if (parts.length === 0 && !d.municipalityChanged) return t('dataDiffNothing');
  parts.push(t(d.municipalityChanged ? 'dataDiffMunicipalityChanged' : 'dataDiffMunicipalityUnchanged'));
  return parts.join(', ');
}
