// CSV export that German Excel opens correctly by double-click: UTF-8 with BOM, `;` separator, CRLF line ends,
// every field quoted. People read it: topic labels and the town's name instead of ids, the words as they stood in
// the post instead of the configured patterns, dates as "TT.MM.JJJJ HH:MM" in Europe/Berlin (Excel's own date
// format) plus one ISO UTC column for machines. Headers and labels come from the UI language's _locales.
// Control, zero-width and bidi-override characters are removed; cells a spreadsheet would run as a formula are
// neutralised (OWASP "CSV injection").
import Papa from 'papaparse';
import { formatBerlin, isoUtc } from '../dates';
import type { LauscherDb } from '../db';
import { kindLabel, platformLabel, statusLabel, type Translate } from '../labels';
import { MUNICIPALITY_TOPIC } from '../matcher';
import { type ListOptions, listMentions } from '../mentions';
import type { Mention } from '../model';

export const CSV_BOM = '\uFEFF';

/** Column header keys in _locales, in file order. */
export const CSV_COLUMN_KEYS = [
  'dataCsvFirstSeen',
  'dataCsvFirstSeenIso',
  'dataCsvLastSeen',
  'dataCsvSeenCount',
  'dataCsvPlatform',
  'dataCsvKind',
  'dataCsvStatus',
  'dataCsvStatusChanged',
  'dataCsvTopics',
  'dataCsvWords',
  'dataCsvAuthor',
  'dataCsvSnippet',
  'dataCsvPageTime',
  'dataCsvLink',
  'dataCsvPage',
  'dataCsvTemplate',
  'dataCsvAnsweredBy',
  'dataCsvNote',
] as const;
export type CsvColumnKey = (typeof CSV_COLUMN_KEYS)[number];

/** Leading characters that make Excel/LibreOffice evaluate a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes `'` to a cell that begins with `=`, `+`, `-`, `@`, tab or CR. Done here rather than with papaparse's
 * `escapeFormulae`, whose pattern (`/^[=+\-@\t\r].*$/`) misses cells that contain a line break.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

// C0/C1 controls except tab and line breaks; zero-width space, word joiner, BOM, Mongolian vowel separator;
// bidi embeddings, overrides, isolates and marks (a U+202E can make "exe.txt" read as "txt.exe").
// biome-ignore-start lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF\u180E\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: see above
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes invisible and direction-changing characters and broken surrogates; line breaks become "\n". */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** What every cell goes through: cleaned first (a hidden character must not hide a leading "="), then guarded. */
export function csvCell(value: unknown): string {
  return neutraliseCell(cleanText(value === undefined || value === null ? '' : String(value)));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of the local day (file names). */
export function localDate(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function csvFileName(now: number = Date.now()): string {
  return `lauscher-erwaehnungen-${localDate(now)}.csv`;
}

export interface CsvOptions {
  /** The UI language's texts (pages pass `t`). */
  t: Translate;
  /** Topic id → label; unknown ids are written as they are. */
  topicNames?: Readonly<Record<string, string>>;
  /** The town's name, for the municipality "topic". */
  municipality?: string;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/** Configured patterns as people read them when no matched word was stored (rows logged before v2). */
const patternAsWord = (term: string): string => term.replace(/^["„“”«»]|["„“”«»]$/g, '').replace(/\*$/, '');

function date(t: unknown, opts: CsvOptions): string {
  return t === undefined ? '' : formatBerlin(t) || opts.t('dataInvalidDate');
}

/** One CSV row per mention, cells cleaned and neutralised. Survives any stored row (never throws). */
export function mentionToCsvRow(m: Mention, opts: CsvOptions): string[] {
  const topics = strings(m.topicIds).map((id) =>
    id === MUNICIPALITY_TOPIC ? (opts.municipality ?? id) : (opts.topicNames?.[id] ?? id),
  );
  const words = strings(m.words).length ? strings(m.words) : strings(m.terms).map(patternAsWord);
  const cells: unknown[] = [
    date(m.firstSeen, opts),
    isoUtc(m.firstSeen),
    date(m.lastSeen, opts),
    m.seenCount,
    platformLabel(opts.t, m.platform),
    kindLabel(opts.t, m.kind),
    statusLabel(opts.t, m.status),
    date(m.statusChangedAt, opts),
    topics.join(', '),
    [...new Set(words)].join(', '),
    m.author,
    m.snippet,
    m.time,
    m.permalink,
    m.pageUrl,
    m.templateUsed,
    m.answeredBy,
    m.note,
  ];
  return cells.map(csvCell);
}

/** The whole file as a string, BOM first; the page wraps it in a Blob (`text/csv;charset=utf-8`). */
export function mentionsToCsv(mentions: readonly Mention[], opts: CsvOptions): string {
  const header = CSV_COLUMN_KEYS.map((k) => csvCell(opts.t(k)));
  const rows = [header, ...mentions.map((m) => mentionToCsvRow(m, opts))];
  const body = Papa.unparse(rows, {
    delimiter: ';',
    newline: '\r\n',
    quotes: true,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
  });
  return `${CSV_BOM}${body}`;
}

/** Reads the filtered mentions (oldest first) and writes them as CSV. */
export async function exportCsv(db: LauscherDb, filter: Omit<ListOptions, 'order'>, opts: CsvOptions): Promise<string> {
  const mentions = await listMentions(db, { ...filter, order: 'oldest' });
  return mentionsToCsv(mentions, opts);
}
