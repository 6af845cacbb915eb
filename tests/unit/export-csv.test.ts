import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { LauscherDb } from '../../utils/db';
import {
  CSV_BOM,
  CSV_COLUMNS,
  csvFileName,
  exportCsv,
  isoLocal,
  mentionsToCsv,
  neutraliseCell,
} from '../../utils/export/csv';
import type { Mention } from '../../utils/model';
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

const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

describe('CSV export', () => {
  const nasty = [
    m(1, 'a', {
      snippet: 'Bürgeramt: „Öffnungszeiten“ sind ärgerlich; sagt "Hallo"\nzweite Zeile\r\ndritte',
      author: 'Jürgen Groß',
      note: 'Rückruf; erledigt',
      terms: ['Bürgeramt', 'Öffnungszeiten'],
      topicIds: ['service', 'unbekannt'],
      platform: 'nebenan',
      kind: 'post',
      status: 'answered',
      templateUsed: 'danke',
    }),
    m(2, 'b', { snippet: '=HYPERLINK("http://böse.example";"klick")', author: '+49 170 1234567', note: '-1+2' }),
    m(3, 'c', { snippet: '@SUMME(A1:A9)', author: '\tTab', note: '\rCR', pageUrl: '=cmd|/C calc!A0' }),
    m(4, 'd', { snippet: '=1+1\n=2+2 mehrzeilig', author: '', note: '' }),
  ];
  const csv = mentionsToCsv(nasty, { topicNames: { service: 'Bürgerservice' } });

  it('writes a BOM, ";" between fields, CRLF between records and quotes every field', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const firstLine = csv.slice(1, csv.indexOf('\r\n'));
    expect(firstLine).toBe(CSV_COLUMNS.map((c) => `"${c}"`).join(';'));
    expect(firstLine).toContain('"Datum erste Sichtung";"Datum letzte Sichtung"');
    // every record (outside quoted newlines) ends with CRLF: the number of CRLF outside quotes = records - 1
    const records = parse(csv);
    expect(records).toHaveLength(nasty.length + 1);
    expect(csv.endsWith('"')).toBe(true);
    // empty cells are quoted too
    expect(csv).toContain(';"";');
    for (const r of records) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('keeps umlauts, quotes, semicolons and line breaks inside fields', () => {
    const [, a] = parse(csv);
    expect(a?.[col('Textauszug')]).toBe(nasty[0]?.snippet);
    expect(a?.[col('Autor')]).toBe('Jürgen Groß');
    expect(a?.[col('Notiz')]).toBe('Rückruf; erledigt');
    expect(a?.[col('Begriffe')]).toBe('Bürgeramt, Öffnungszeiten');
    expect(a?.[col('Themen')]).toBe('Bürgerservice, unbekannt');
    expect(a?.[col('Plattform')]).toBe('nebenan.de');
    expect(a?.[col('Art')]).toBe('Beitrag');
    expect(a?.[col('Status')]).toBe('beantwortet');
    expect(a?.[col('Vorlage')]).toBe('danke');
    expect(a?.[col('Link')]).toBe(nasty[0]?.permalink);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const [, , b, c, d] = parse(csv);
    expect(b?.[col('Textauszug')]).toBe(`'=HYPERLINK("http://böse.example";"klick")`);
    expect(b?.[col('Autor')]).toBe(`'+49 170 1234567`);
    expect(b?.[col('Notiz')]).toBe(`'-1+2`);
    expect(c?.[col('Textauszug')]).toBe(`'@SUMME(A1:A9)`);
    expect(c?.[col('Autor')]).toBe(`'\tTab`);
    expect(c?.[col('Notiz')]).toBe(`'\rCR`);
    expect(c?.[col('Seite')]).toBe(`'=cmd|/C calc!A0`);
    expect(d?.[col('Textauszug')]).toBe(`'=1+1\n=2+2 mehrzeilig`);
    for (const record of parse(csv).slice(1)) {
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(neutraliseCell('harmlos = ok')).toBe('harmlos = ok');
    expect(neutraliseCell('')).toBe('');
  });

  it('writes ISO 8601 dates in local time with the offset', () => {
    const t = local(2025, 11, 25, 14, 3) + 9000;
    const iso = isoLocal(t);
    expect(iso).toMatch(/^2025-11-25T14:03:09[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).toBe(t);
    const summer = local(2025, 7, 1, 8);
    expect(Date.parse(isoLocal(summer))).toBe(summer);
    expect(isoLocal(undefined)).toBe('');
    const [, a] = parse(mentionsToCsv([m(1, 'a', { firstSeen: t })]));
    expect(a?.[col('Datum erste Sichtung')]).toBe(iso);
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
      await exportCsv(db, {
        platforms: ['facebook'],
        statuses: ['new'],
        from: local(2025, 11, 1, 0),
        to: local(2025, 11, 21, 0),
      }),
    );
    expect(records.slice(1).map((r) => r[col('Textauszug')])).toEqual(['Textauszug f1', 'Textauszug f3']);
    expect(parse(await exportCsv(db, { from: local(2026, 1, 1) }))).toHaveLength(1);
  });
});
