// JSON export and the team exchange: a colleague's export is merged into the local log by mentionKey, without a
// server. Times in the file are epoch milliseconds as in the database (exact round trip); exportedAt is ISO UTC.
import * as v from 'valibot';
import { isValidTime } from '../dates';
import type { LauscherDb } from '../db';
import { applyAuthorMode, findByKeys, type ListOptions, listMentions, NOTE_MAX, truncateSnippet } from '../mentions';
import { type AuthorMode, MENTION_STATUSES, type Mention, PLATFORMS } from '../model';
import { localDate } from './csv';
import { MAX_KEY, MAX_LIST, MAX_SHORT, MAX_TEXT, MAX_URL } from './limits';
import { type Problem, problemsOf } from './problems';
import { FileTooBigError, parseJson, readTextInChunks } from './read-file';

export const JSON_FORMAT = 'lauscher-mentions';
export const JSON_VERSION = 1;

/** A mention as exported: without the local `id`. */
export type ExportedMention = Omit<Mention, 'id'>;

export interface MentionsExport {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  mentions: ExportedMention[];
}

export function jsonFileName(now: number = Date.now()): string {
  return `lauscher-erwaehnungen-${localDate(now)}.json`;
}

function withoutId({ id: _id, ...rest }: Mention): ExportedMention {
  return rest;
}

export function mentionsToJson(mentions: readonly Mention[], now: number = Date.now()): string {
  const file: MentionsExport = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt: new Date(now).toISOString(),
    mentions: mentions.map(withoutId),
  };
  return JSON.stringify(file);
}

/** Reads the filtered mentions (oldest first) and writes them as JSON. */
export async function exportJson(
  db: LauscherDb,
  filter: Omit<ListOptions, 'order'> = {},
  now: number = Date.now(),
): Promise<string> {
  return mentionsToJson(await listMentions(db, { ...filter, order: 'oldest' }), now);
}

// ---------------------------------------------------------------------------------------------------------------
// Import

export interface ImportResult {
  /** False when the file as a whole was rejected; nothing was changed then. */
  ok: boolean;
  /** New rows. */
  added: number;
  /** Entries merged into an existing row (local, or an earlier entry of the same file). */
  merged: number;
  /** Entries skipped as invalid (or 1 for a rejected file). */
  errors: number;
  /** Why entries or the file were rejected (at most MAX_PROBLEMS; path ['mentions', i, …] for entries). */
  problems: Problem[];
}

export interface ImportOptions {
  /** When given, imported authors are stored as this privacy mode allows (a colleague may log plain names). */
  authorMode?: AuthorMode;
  /** The team's pseudonym key, for pseudonym mode. */
  pseudonymKey?: string;
  now?: number;
}

export const MAX_PROBLEMS = 20;

const webUrl = v.pipe(
  v.string('dataErrUrl'),
  v.maxLength(MAX_URL, 'dataErrUrl'),
  v.check((x) => x === '' || /^https?:\/\//i.test(x), 'dataErrUrl'),
  v.check((x) => {
    if (x === '') return true;
    try {
      const { protocol } = new URL(x);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'dataErrUrl'),
);
const shortList = v.pipe(
  v.array(v.pipe(v.string('dataErrListType'), v.maxLength(MAX_SHORT, 'dataErrListType')), 'dataErrListType'),
  v.maxLength(MAX_LIST, 'dataErrListType'),
  v.transform((xs) => [...new Set(xs)]),
);
const optionalShort = v.optional(v.pipe(v.string('dataErrShape'), v.maxLength(MAX_SHORT, 'dataErrShape')));

/** Epoch ms between 2004 and now + 1 day: a time outside that is a broken file, not a mention. */
function logTime(now: number) {
  return v.pipe(
    v.number('dataErrTime'),
    v.check((t) => isValidTime(t, now), 'dataErrTime'),
  );
}

/** One entry of a log file (the schema of ExportedMention). */
export function mentionEntrySchema(now: number = Date.now()) {
  const time = logTime(now);
  return v.object(
    {
      mentionKey: v.pipe(v.string('dataErrKey'), v.minLength(1, 'dataErrKey'), v.maxLength(MAX_KEY, 'dataErrKey')),
      platform: v.picklist(PLATFORMS, 'dataErrPlatform'),
      kind: v.picklist(['post', 'comment'], 'dataErrKind'),
      permalink: webUrl,
      pageUrl: webUrl,
      author: v.pipe(v.string('dataErrShape'), v.maxLength(MAX_SHORT, 'dataErrShape')),
      snippet: v.pipe(v.string('dataErrShape'), v.maxLength(MAX_TEXT, 'dataErrShape'), v.transform(truncateSnippet)),
      terms: shortList,
      topicIds: shortList,
      words: v.optional(shortList),
      firstSeen: time,
      lastSeen: time,
      seenCount: v.optional(
        v.pipe(
          v.number('dataErrCount'),
          v.integer('dataErrCount'),
          v.minValue(1, 'dataErrCount'),
          v.maxValue(1e9, 'dataErrCount'),
        ),
        1,
      ),
      status: v.picklist(MENTION_STATUSES, 'dataErrStatus'),
      statusChangedAt: time,
      note: v.optional(
        v.pipe(
          v.string('dataErrShape'),
          v.maxLength(MAX_TEXT, 'dataErrShape'),
          v.transform((x) => x.trim().slice(0, NOTE_MAX)),
        ),
        '',
      ),
      time: optionalShort,
      templateUsed: optionalShort,
      answeredAt: v.optional(time),
      answeredBy: optionalShort,
      templateVersion: v.optional(
        v.pipe(v.number('dataErrShape'), v.integer('dataErrShape'), v.minValue(1, 'dataErrShape')),
      ),
    },
    'dataErrEntry',
  );
}

export const MentionsFileSchema = v.object(
  {
    format: v.literal(JSON_FORMAT, 'dataErrNotLog'),
    version: v.pipe(
      v.number('dataErrVersion'),
      v.integer('dataErrVersion'),
      v.minValue(1, 'dataErrVersion'),
      v.maxValue(JSON_VERSION, 'dataErrNewerVersion'),
    ),
    exportedAt: v.optional(v.string()),
    // Entries are checked one by one below: a bad entry is reported, the good ones still come in.
    mentions: v.array(v.unknown(), 'dataErrNoList'),
  },
  'dataErrNotLog',
);

/** A valid mention from an untrusted entry, or the problem with it (path relative to the entry). */
export function validateExportedMention(raw: unknown, now: number = Date.now()): ExportedMention | Problem {
  const parsed = v.safeParse(mentionEntrySchema(now), raw, { abortPipeEarly: true });
  if (!parsed.success) return problemsOf(parsed.issues, 1)[0] as Problem;
  const { time, templateUsed, answeredAt, answeredBy, templateVersion, words, ...rest } = parsed.output;
  const m: ExportedMention = {
    ...rest,
    firstSeen: Math.min(rest.firstSeen, rest.lastSeen),
    lastSeen: Math.max(rest.firstSeen, rest.lastSeen),
  };
  if (time) m.time = time;
  if (templateUsed) m.templateUsed = templateUsed;
  if (answeredAt !== undefined) m.answeredAt = answeredAt;
  if (answeredBy) m.answeredBy = answeredBy;
  if (templateVersion !== undefined) m.templateVersion = templateVersion;
  if (words?.length) m.words = words;
  return m;
}

const isProblem = (x: ExportedMention | Problem): x is Problem => 'key' in x && 'path' in x;

/** Distinct non-empty notes, joined by a blank line; a note contained in the other adds nothing. */
export function mergeNotes(a: string, b: string): string {
  const x = a.trim();
  const y = b.trim();
  if (!y || x.includes(y)) return x;
  if (!x || y.includes(x)) return y;
  return `${x}\n\n${y}`;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Merges `incoming` into `base`: the later statusChangedAt wins status (with its templateUsed; on a tie `base` wins),
 * notes are kept, firstSeen = min, lastSeen = max, seenCount = max, terms and topics united. Other fields of
 * `base` stay (filled from `incoming` when empty).
 */
export function mergeMention<T extends ExportedMention>(base: T, incoming: ExportedMention): T {
  const later = incoming.statusChangedAt > base.statusChangedAt ? incoming : base;
  const out: T = {
    ...base,
    permalink: base.permalink || incoming.permalink,
    pageUrl: base.pageUrl || incoming.pageUrl,
    author: base.author || incoming.author,
    snippet: base.snippet || incoming.snippet,
    terms: union(base.terms, incoming.terms),
    topicIds: union(base.topicIds, incoming.topicIds),
    firstSeen: Math.min(base.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(base.lastSeen, incoming.lastSeen),
    seenCount: Math.max(base.seenCount, incoming.seenCount),
    status: later.status,
    statusChangedAt: later.statusChangedAt,
    note: mergeNotes(base.note, incoming.note),
  };
  const time = base.time || incoming.time;
  if (time) out.time = time;
  // The answer belongs to the status that won.
  for (const k of ['templateUsed', 'answeredAt', 'answeredBy', 'templateVersion'] as const) {
    if (later[k] !== undefined && later[k] !== '') (out as Record<string, unknown>)[k] = later[k];
    else delete out[k];
  }
  const words = union(base.words ?? [], incoming.words ?? []);
  if (words.length) out.words = words;
  return out;
}

function rejected(problem: Problem): ImportResult {
  return { ok: false, added: 0, merged: 0, errors: 1, problems: [problem] };
}

/** Reads a log file's bytes chunk by chunk (at most `maxBytes`), then imports it. */
export async function importMentionsFile(
  db: LauscherDb,
  file: Blob,
  maxBytes: number,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  let text: string;
  try {
    text = await readTextInChunks(file, maxBytes);
  } catch (err) {
    if (err instanceof FileTooBigError) return rejected({ key: 'dataErrLogTooBig', path: [] });
    throw err;
  }
  return importMentionsJson(db, text, opts);
}

/**
 * Imports a Lauscher JSON export (own or a colleague's) and merges it by mentionKey in one transaction. A file that
 * is not JSON, not a Lauscher mention export, or from a newer version is rejected as a whole and changes nothing;
 * invalid entries are reported one by one and nothing of them is written.
 */
export async function importMentionsJson(
  db: LauscherDb,
  text: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const now = opts.now ?? Date.now();
  const file = parseJson(text);
  if (file === undefined) return rejected({ key: 'dataErrNotJson', path: [] });
  const parsed = v.safeParse(MentionsFileSchema, file, { abortPipeEarly: true });
  if (!parsed.success) return rejected(problemsOf(parsed.issues, 1)[0] as Problem);

  const problems: Problem[] = [];
  let errors = 0;
  let mergedInFile = 0;
  const incoming = new Map<string, ExportedMention>();
  for (const [i, raw] of parsed.output.mentions.entries()) {
    const m = validateExportedMention(raw, now);
    if (isProblem(m)) {
      errors += 1;
      if (problems.length < MAX_PROBLEMS) problems.push({ ...m, path: ['mentions', i, ...m.path] });
      continue;
    }
    if (opts.authorMode) m.author = await applyAuthorMode(m.author, opts.authorMode, opts.pseudonymKey ?? '');
    const prev = incoming.get(m.mentionKey);
    if (prev) mergedInFile += 1;
    incoming.set(m.mentionKey, prev ? mergeMention(prev, m) : m);
  }

  const { added, merged } = await db.transaction('rw', db.mentions, async () => {
    const local = await findByKeys(db, incoming.keys());
    const puts: (Mention | ExportedMention)[] = [];
    let added = 0;
    let merged = 0;
    for (const [key, m] of incoming) {
      const old = local.get(key);
      if (old) {
        merged += 1;
        puts.push(mergeMention(old, m));
      } else {
        added += 1;
        puts.push(m);
      }
    }
    await db.mentions.bulkPut(puts as Mention[]);
    return { added, merged };
  });
  return { ok: true, added, merged: merged + mergedInFile, errors, problems };
}
