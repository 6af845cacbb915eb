// JSON export and the team exchange: a colleague's export is merged into the local log by mentionKey, without a
// server. Times in the file are epoch milliseconds as in the database (exact round trip); exportedAt is ISO UTC.
import type { LauscherDb } from '../db';
import { applyAuthorMode, findByKeys, type ListOptions, listMentions, NOTE_MAX, truncateSnippet } from '../mentions';
import {
  type AuthorMode,
  MENTION_STATUSES,
  type Mention,
  type MentionKind,
  type MentionStatus,
  PLATFORMS,
  type Platform,
} from '../model';
import { localDate } from './csv';

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
  /** German, for the user: why entries or the file were rejected (at most 20 lines). */
  messages: string[];
  /** "12 neu, 30 zusammengeführt, 0 Fehler" */
  summary: string;
}

export interface ImportOptions {
  /** When given, imported authors are stored as this privacy mode allows (a colleague may log plain names). */
  authorMode?: AuthorMode;
  /** The team's pseudonym key, for pseudonym mode. */
  pseudonymKey?: string;
}

const MAX_MESSAGES = 20;
const KINDS: readonly MentionKind[] = ['post', 'comment'];

const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function isWebUrl(v: unknown): v is string {
  if (!isString(v)) return false;
  if (v === '') return true;
  try {
    const { protocol } = new URL(v);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A valid mention from an untrusted entry, or the German reason it is not one. */
export function validateExportedMention(raw: unknown): ExportedMention | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'kein Objekt';
  const r = raw as Record<string, unknown>;
  if (!isString(r.mentionKey) || r.mentionKey === '') return 'mentionKey fehlt';
  if (!PLATFORMS.includes(r.platform as Platform)) return `unbekannte Plattform „${String(r.platform)}“`;
  if (!KINDS.includes(r.kind as MentionKind)) return `unbekannte Art „${String(r.kind)}“`;
  if (!MENTION_STATUSES.includes(r.status as MentionStatus)) return `unbekannter Status „${String(r.status)}“`;
  if (!isWebUrl(r.permalink) || !isWebUrl(r.pageUrl)) return 'Link ist keine http(s)-Adresse';
  if (!isString(r.author) || !isString(r.snippet)) return 'Autor oder Textauszug fehlt';
  if (!isStringArray(r.terms) || !isStringArray(r.topicIds)) return 'Begriffe oder Themen fehlen';
  if (!isTime(r.firstSeen) || !isTime(r.lastSeen) || !isTime(r.statusChangedAt)) return 'Zeitangabe ungültig';
  if (r.note !== undefined && !isString(r.note)) return 'Notiz ungültig';
  if (r.time !== undefined && !isString(r.time)) return 'Zeit laut Seite ungültig';
  if (r.templateUsed !== undefined && !isString(r.templateUsed)) return 'Vorlage ungültig';
  const seenCount = r.seenCount === undefined ? 1 : r.seenCount;
  if (typeof seenCount !== 'number' || !Number.isInteger(seenCount) || seenCount < 1) return 'Anzahl ungültig';

  const m: ExportedMention = {
    mentionKey: r.mentionKey,
    platform: r.platform as Platform,
    kind: r.kind as MentionKind,
    permalink: r.permalink,
    pageUrl: r.pageUrl,
    author: r.author,
    snippet: truncateSnippet(r.snippet),
    terms: [...new Set(r.terms)],
    topicIds: [...new Set(r.topicIds)],
    firstSeen: Math.min(r.firstSeen, r.lastSeen),
    lastSeen: Math.max(r.firstSeen, r.lastSeen),
    seenCount,
    status: r.status as MentionStatus,
    statusChangedAt: r.statusChangedAt,
    note: ((r.note as string | undefined) ?? '').trim().slice(0, NOTE_MAX),
  };
  if (r.time) m.time = r.time as string;
  if (r.templateUsed) m.templateUsed = r.templateUsed as string;
  // The template's version goes with it (issue 9).
  if (r.templateUsed && Number.isInteger(r.templateVersion)) m.templateVersion = r.templateVersion as number;
  return m;
}

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
  if (later.templateUsed) out.templateUsed = later.templateUsed;
  else delete out.templateUsed;
  if (later.templateUsed && later.templateVersion !== undefined) out.templateVersion = later.templateVersion;
  else delete out.templateVersion;
  return out;
}

function summarise(r: Omit<ImportResult, 'summary'>): ImportResult {
  return { ...r, summary: `${r.added} neu, ${r.merged} zusammengeführt, ${r.errors} Fehler` };
}

function rejected(message: string): ImportResult {
  return summarise({ ok: false, added: 0, merged: 0, errors: 1, messages: [message] });
}

/**
 * Imports a Lauscher JSON export (own or a colleague's) and merges it by mentionKey in one transaction. A file that
 * is not JSON, not a Lauscher mention export, or from a newer version is rejected as a whole and changes nothing;
 * single invalid entries are skipped and counted as errors.
 */
export async function importMentionsJson(
  db: LauscherDb,
  text: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return rejected('Die Datei ist keine gültige JSON-Datei und wurde nicht importiert.');
  }
  const f = file as Partial<Record<keyof MentionsExport, unknown>> | null;
  if (!f || typeof f !== 'object' || f.format !== JSON_FORMAT) {
    return rejected('Die Datei ist kein Lauscher-Export von Erwähnungen und wurde nicht importiert.');
  }
  if (typeof f.version !== 'number' || !Number.isInteger(f.version) || f.version < 1) {
    return rejected('Die Datei hat eine ungültige Formatversion und wurde nicht importiert.');
  }
  if (f.version > JSON_VERSION) {
    return rejected(
      `Die Datei stammt aus einer neueren Lauscher-Version (Format ${f.version}). Bitte aktualisieren Sie Lauscher und importieren Sie sie dann erneut.`,
    );
  }
  if (!Array.isArray(f.mentions)) {
    return rejected('Die Datei enthält keine Liste von Erwähnungen und wurde nicht importiert.');
  }

  const messages: string[] = [];
  let errors = 0;
  let mergedInFile = 0;
  const incoming = new Map<string, ExportedMention>();
  for (const [i, raw] of f.mentions.entries()) {
    const m = validateExportedMention(raw);
    if (typeof m === 'string') {
      errors += 1;
      if (messages.length < MAX_MESSAGES) messages.push(`Eintrag ${i + 1}: ${m}`);
      continue;
    }
    if (opts.authorMode) m.author = await applyAuthorMode(m.author, opts.authorMode, opts.pseudonymKey ?? '');
    const prev = incoming.get(m.mentionKey);
    if (prev) mergedInFile += 1;
    incoming.set(m.mentionKey, prev ? mergeMention(prev, m) : m);
  }
  if (errors > MAX_MESSAGES) messages.push(`… und ${errors - MAX_MESSAGES} weitere fehlerhafte Einträge.`);

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
  return summarise({ ok: true, added, merged: merged + mergedInFile, errors, messages });
}
