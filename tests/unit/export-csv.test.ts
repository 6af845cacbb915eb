import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { LauscherDb } from '../../utils/db';
import {
  CSV_BOM,
  CSV_COLUMN_KEYS,
  type CsvColumnKey,
  cleanText,
  csvFileName,
  exportCsv,
  mentionsToCsv,
  neutraliseCell,
} from '../../utils/export/csv';
import type { Mention } from '../../utils/model';
import { de, en } from './locale';
import { freshDb, local, row } from './mentions-helpers';

let db: LauscherDb;
afterEach(() => db?.close());

const m = (id: number, key: string, over: Partial<Mention> = {}): Mention => ({ ...row(key), id, ...over }) as Mention;

function parse(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const out = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n', header: false });
  expect(out.errors).toEqual([]);
  return out.data;
}

const col = (key: CsvColumnKey) => CSV_COLUMN_KEYS.indexOf(key);
const opts = {
  t: de,
  topicNames: { service: 'Bürgerservice', verkehr: 'Baustelle/Verkehr' },
  municipality: 'Musterstadt',
};

describe('CSV export', () => {
  const nasty = [
    m(1, 'a', {
      snippet: 'Bürgeramt: „Öffnungszeiten“ sind ärgerlich; sagt "Hallo"\nzweite Zeile\r\ndritte',
      author: 'Jürgen Groß',
      note: 'Rückruf; erledigt',
      terms: ['Bürgeramt', 'Öffnungszeit*'],
      words: ['Bürgeramt', 'Öffnungszeiten'],
      topicIds: ['service', 'unbekannt', 'municipality'],
      platform: 'nebenan',
      kind: 'post',
      status: 'answered',
      templateUsed: 'danke',
    }),
    m(2, 'b', { snippet: '=HYPERLINK("http://böse.example";"klick")', author: '+49 170 1234567', note: '-1+2' }),
    m(3, 'c', { snippet: '@SUMME(A1:A9)', author: '\tTab', note: '\rCR', pageUrl: '=cmd|/C calc!A0' }),
    m(4, 'd', { snippet: '=1+1\n=2+2 mehrzeilig', author: '', note: '' }),
  ];
  const csv = mentionsToCsv(nasty, opts);

  it('writes a BOM, ";" between fields, CRLF between records and quotes every field', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const firstLine = csv.slice(1, csv.indexOf('\r\n'));
    expect(firstLine).toBe(CSV_COLUMN_KEYS.map((c) => `"${de(c)}"`).join(';'));
    expect(firstLine).toContain('"Erste Sichtung";"Erste Sichtung (ISO 8601, UTC)";"Letzte Sichtung"');
    const records = parse(csv);
    expect(records).toHaveLength(nasty.length + 1);
    expect(csv.endsWith('"')).toBe(true);
    expect(csv).toContain(';"";');
    for (const r of records) expect(r).toHaveLength(CSV_COLUMN_KEYS.length);
  });

  it('English UI: English headers and labels', () => {
    const [header, a] = parse(mentionsToCsv(nasty, { ...opts, t: en }));
    expect(header?.slice(0, 3)).toEqual(['First seen', 'First seen (ISO 8601, UTC)', 'Last seen']);
    expect(a?.[col('dataCsvKind')]).toBe('Post');
    expect(a?.[col('dataCsvStatus')]).toBe('answered');
  });

  it('keeps umlauts, quotes, semicolons and line breaks; topic labels, the town and the matched words', () => {
    const [, a, b] = parse(csv);
    expect(a?.[col('dataCsvSnippet')]).toBe(
      'Bürgeramt: „Öffnungszeiten“ sind ärgerlich; sagt "Hallo"\nzweite Zeile\ndritte',
    );
    expect(a?.[col('dataCsvAuthor')]).toBe('Jürgen Groß');
    expect(a?.[col('dataCsvNote')]).toBe('Rückruf; erledigt');
    expect(a?.[col('dataCsvWords')]).toBe('Bürgeramt, Öffnungszeiten');
    expect(a?.[col('dataCsvTopics')]).toBe('Bürgerservice, unbekannt, Musterstadt');
    expect(a?.[col('dataCsvPlatform')]).toBe('nebenan.de');
    expect(a?.[col('dataCsvKind')]).toBe('Beitrag');
    expect(a?.[col('dataCsvStatus')]).toBe('beantwortet');
    expect(a?.[col('dataCsvTemplate')]).toBe('danke');
    expect(a?.[col('dataCsvLink')]).toBe(nasty[0]?.permalink);
    // rows from before v2 have no words: the pattern without its wildcard
    expect(b?.[col('dataCsvWords')]).toBe('Baustelle');
    expect(b?.[col('dataCsvTopics')]).toBe('Baustelle/Verkehr');
    expect(
      parse(mentionsToCsv([m(9, 'p', { terms: ['Umleitung*', '„Sperrung der B14“'] })], opts))[1]?.[
        col('dataCsvWords')
      ],
    ).toBe('Umleitung, Sperrung der B14');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const [, , b, c, d] = parse(csv);
    expect(b?.[col('dataCsvSnippet')]).toBe(`'=HYPERLINK("http://böse.example";"klick")`);
    expect(b?.[col('dataCsvAuthor')]).toBe(`'+49 170 1234567`);
    expect(b?.[col('dataCsvNote')]).toBe(`'-1+2`);
    expect(c?.[col('dataCsvSnippet')]).toBe(`'@SUMME(A1:A9)`);
    expect(c?.[col('dataCsvAuthor')]).toBe(`'\tTab`);
    expect(c?.[col('dataCsvNote')]).toBe('\nCR'); // CR became a line break: no formula
    expect(c?.[col('dataCsvPage')]).toBe(`'=cmd|/C calc!A0`);
    expect(d?.[col('dataCsvSnippet')]).toBe(`'=1+1\n=2+2 mehrzeilig`);
    for (const record of parse(csv).slice(1)) {
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(neutraliseCell('harmlos = ok')).toBe('harmlos = ok');
    expect(neutraliseCell('')).toBe('');
  });

  it('removes NUL, controls, zero-width and bidi overrides, also when they hide a leading "="', () => {
    const evil = m(5, 'e', {
      snippet: 'a\u0000b\u0007c\u200Bd\u202Eexe.txt\u202C\u2066x\u2069\uFEFF\u00ADe',
      author: '\u200B=SUMME(A1)',
      note: '\u202E@cmd',
    });
    const [, e] = parse(mentionsToCsv([evil], opts));
    expect(e?.[col('dataCsvSnippet')]).toBe('abcdexe.txtx\u00ADe');
    expect(e?.[col('dataCsvAuthor')]).toBe(`'=SUMME(A1)`);
    expect(e?.[col('dataCsvNote')]).toBe(`'@cmd`);
    expect(cleanText('Familie 👨‍👩‍👧 \uD800 ok')).toBe('Familie 👨‍👩‍👧 \uFFFD ok');
  });

  it('writes dates as TT.MM.JJJJ HH:MM in Europe/Berlin and one ISO UTC column', () => {
    const winter = Date.UTC(2025, 10, 25, 13, 3, 9);
    const summer = Date.UTC(2025, 6, 1, 6, 30);
    const [, a, b] = parse(mentionsToCsv([m(1, 'a', { firstSeen: winter }), m(2, 'b', { firstSeen: summer })], opts));
    expect(a?.[col('dataCsvFirstSeen')]).toBe('25.11.2025 14:03');
    expect(a?.[col('dataCsvFirstSeenIso')]).toBe('2025-11-25T13:03:09.000Z');
    expect(b?.[col('dataCsvFirstSeen')]).toBe('01.07.2025 08:30');
  });

  it('a badly stored row exports as "ungültiges Datum", never NaN, and does not throw', () => {
    const bad = [
      m(1, 'a', { firstSeen: 1e20, lastSeen: Number.NaN, statusChangedAt: 'gestern' as unknown as number }),
      m(2, 'b', { terms: undefined as unknown as string[], topicIds: 'bau' as unknown as string[] }),
    ];
    const text = mentionsToCsv(bad, opts);
    expect(text).not.toMatch(/NaN/);
    const [, a, b] = parse(text);
    expect(a?.[col('dataCsvFirstSeen')]).toBe('ungültiges Datum');
    expect(a?.[col('dataCsvFirstSeenIso')]).toBe('');
    expect(a?.[col('dataCsvLastSeen')]).toBe('ungültiges Datum');
    expect(a?.[col('dataCsvStatusChanged')]).toBe('ungültiges Datum');
    expect(b?.[col('dataCsvTopics')]).toBe('');
  });

  it('names the file by the local date', () => {
    expect(csvFileName(local(2025, 1, 5, 23, 59))).toBe('lauscher-erwaehnungen-2025-01-05.csv');
  });

  it('exports only what the filter selects, oldest first', async () => {
    db = freshDb();
    await db.mentions.bulkAdd([
      row('x1', { firstSeen: local(2025, 11, 1), platform: 'x' }),
      row('f1', { firstSeen: local(2025, 11, 2) }),
      row('f2', { firstSeen: local(2025, 11, 3), status: 'ignored' }),
      row('f3', { firstSeen: local(2025, 11, 20) }),
    ] as Mention[]);
    const records = parse(
      await exportCsv(
        db,
        { platforms: ['facebook'], statuses: ['new'], from: local(2025, 11, 1, 0), to: local(2025, 11, 21, 0) },
        opts,
      ),
    );
    expect(records.slice(1).map((r) => r[col('dataCsvSnippet')])).toEqual(['Textauszug f1', 'Textauszug f3']);
    expect(parse(await exportCsv(db, { from: local(2026, 1, 1) }, opts))).toHaveLength(1);
  });
});
