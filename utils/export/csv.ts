// CSV export that German Excel opens correctly by double-click: UTF-8 with BOM, `;` separator, CRLF line ends,
// every field quoted. Dates are ISO 8601 in local time with the UTC offset ("2025-11-25T14:03:09+01:00"): the
// reader sees the office's wall-clock time and the instant stays unambiguous. Cells that a spreadsheet would run as
// a formula are neutralised (OWASP "CSV injection").
import Papa from 'papaparse';
import type { LauscherDb } from '../db';
import { type ListOptions, listMentions } from '../mentions';
import type { Mention, MentionKind, MentionStatus, Platform } from '../model';

export const CSV_BOM = '\uFEFF';

export const PLATFORM_LABELS: Record<Platform, string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  youtube: 'YouTube',
  reddit: 'Reddit',
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
  nebenan: 'nebenan.de',
  generic: 'Andere Website',
};

export const KIND_LABELS: Record<MentionKind, string> = { post: 'Beitrag', comment: 'Kommentar' };

export const STATUS_LABELS: Record<MentionStatus, string> = {
  new: 'neu',
  seen: 'gesehen',
  answered: 'beantwortet',
  ignored: 'ignoriert',
};

export const CSV_COLUMNS = [
  'Datum erste Sichtung',
  'Datum letzte Sichtung',
  'Anzahl Sichtungen',
  'Plattform',
  'Art',
  'Status',
  'Status geändert',
  'Themen',
  'Begriffe',
  'Autor',
  'Textauszug',
  'Zeit laut Seite',
  'Link',
  'Seite',
  'Vorlage',
  'Notiz',
] as const;

/** Leading characters that make Excel/LibreOffice evaluate a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes `'` to a cell that begins with `=`, `+`, `-`, `@`, tab or CR. Done here rather than with papaparse's
 * `escapeFormulae`, whose pattern (`/^[=+\-@\t\r].*$/`) misses cells that contain a line break.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** ISO 8601 in local time with offset, seconds precision: 2025-11-25T14:03:09+01:00. Empty for a missing time. */
export function isoLocal(t: number | undefined): string {
  if (t === undefined || !Number.isFinite(t)) return '';
  const d = new Date(t);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** YYYY-MM-DD of the local day. */
export function localDate(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function csvFileName(now: number = Date.now()): string {
  return `lauscher-erwaehnungen-${localDate(now)}.csv`;
}

export interface CsvOptions {
  /** Topic id → name for the "Themen" column; unknown ids are written as they are. */
  topicNames?: Readonly<Record<string, string>>;
}

/** One CSV row per mention, cells already neutralised. */
export function mentionToCsvRow(m: Mention, opts: CsvOptions = {}): string[] {
  const topics = m.topicIds.map((id) => opts.topicNames?.[id] ?? id);
  const cells = [
    isoLocal(m.firstSeen),
    isoLocal(m.lastSeen),
    String(m.seenCount),
    PLATFORM_LABELS[m.platform] ?? m.platform,
    KIND_LABELS[m.kind] ?? m.kind,
    STATUS_LABELS[m.status] ?? m.status,
    isoLocal(m.statusChangedAt),
    topics.join(', '),
    m.terms.join(', '),
    m.author,
    m.snippet,
    m.time ?? '',
    m.permalink,
    m.pageUrl,
    m.templateUsed ?? '',
    m.note,
  ];
  return cells.map(neutraliseCell);
}

/** The whole file as a string, BOM first; the page wraps it in a Blob (`text/csv;charset=utf-8`). */
export function mentionsToCsv(mentions: readonly Mention[], opts: CsvOptions = {}): string {
  const rows = [[...CSV_COLUMNS], ...mentions.map((m) => mentionToCsvRow(m, opts))];
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
export async function exportCsv(
  db: LauscherDb,
  filter: Omit<ListOptions, 'order'> = {},
  opts: CsvOptions = {},
): Promise<string> {
  const mentions = await listMentions(db, { ...filter, order: 'oldest' });
  return mentionsToCsv(mentions, opts);
}
