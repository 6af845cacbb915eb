import { afterEach, describe, expect, it } from 'vitest';
import type { LauscherDb } from '../../utils/db';
import {
  type ExportedMention,
  exportJson,
  importMentionsJson,
  JSON_FORMAT,
  jsonFileName,
  MAX_PROBLEMS,
  mentionsToJson,
  mergeMention,
  mergeNotes,
} from '../../utils/export/json';
import { formatProblem, type Problem } from '../../utils/export/problems';
import { pseudonymise } from '../../utils/mentions';
import type { Mention } from '../../utils/model';
import { de } from './locale';
import { freshDb, local, row } from './mentions-helpers';

const T = Date.UTC(2025, 0, 1);
let db: LauscherDb;
let other: LauscherDb | undefined;
afterEach(() => {
  db?.close();
  other?.close();
  other = undefined;
});

const file = (mentions: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: JSON_FORMAT, version: 1, exportedAt: '2025-11-25T10:00:00.000Z', mentions, ...over });

async function snapshot(target: LauscherDb): Promise<Mention[]> {
  return target.mentions.orderBy('id').toArray();
}

describe('JSON export', () => {
  it('writes the format header and mentions without local ids', async () => {
    db = freshDb();
    await db.mentions.bulkAdd([row('a'), row('b', { platform: 'x' })] as Mention[]);
    const parsed = JSON.parse(await exportJson(db, { platforms: ['x'] }, Date.UTC(2025, 10, 25, 10)));
    expect(parsed).toMatchObject({ format: 'lauscher-mentions', version: 1, exportedAt: '2025-11-25T10:00:00.000Z' });
    expect(parsed.mentions).toEqual([row('b', { platform: 'x' })]);
    expect(parsed.mentions[0]).not.toHaveProperty('id');
    expect(jsonFileName(local(2025, 11, 25))).toBe('lauscher-erwaehnungen-2025-11-25.json');
  });

  it('round-trips into an empty log and is idempotent on a second import', async () => {
    db = freshDb();
    const rows = [
      row('a', {
        note: 'Notiz ä',
        templateUsed: 'danke',
        templateVersion: 3,
        status: 'answered',
        time: '2025-11-25T08:00:00Z',
      }),
      row('b', { topicIds: [], terms: ['x', 'y'] }),
      row('c', { firstSeen: T + 5, lastSeen: T + 9, seenCount: 3, statusChangedAt: T + 6 }),
      row('d', { status: 'answered', answeredAt: T + 7, answeredBy: 'AB', templateVersion: 2, words: ['Baustellen'] }),
    ];
    await db.mentions.bulkAdd(rows as Mention[]);
    const text = await exportJson(db);
    other = freshDb();
    const r1 = await importMentionsJson(other, text);
    expect(r1).toEqual({
      ok: true,
      added: 4,
      merged: 0,
      errors: 0,
      problems: [],
    });
    const strip = (ms: Mention[]) =>
      ms.map(({ id: _id, ...m }) => m).sort((x, y) => x.mentionKey.localeCompare(y.mentionKey));
    expect(strip(await snapshot(other))).toEqual(rows);
    const r2 = await importMentionsJson(other, text);
    expect(r2).toMatchObject({ added: 0, merged: 4, errors: 0 });
    expect(strip(await snapshot(other))).toEqual(rows);
  });
});

describe('merge', () => {
  const mine = row('k', {
    firstSeen: T + 100,
    lastSeen: T + 200,
    seenCount: 5,
    status: 'seen',
    statusChangedAt: T + 150,
    note: 'Meine Notiz',
    terms: ['Baustelle'],
    topicIds: ['verkehr'],
  });
  const theirs = row('k', {
    firstSeen: T + 50,
    lastSeen: T + 180,
    seenCount: 2,
    status: 'answered',
    statusChangedAt: T + 170,
    templateUsed: 'info',
    templateVersion: 2,
    note: 'Ihre Notiz',
    terms: ['Sperrung'],
    topicIds: ['bau'],
  });

  it('lets the later status win and keeps both notes, min/max of the times and counts', () => {
    expect(mergeMention(mine, theirs)).toEqual({
      ...mine,
      firstSeen: T + 50,
      lastSeen: T + 200,
      seenCount: 5,
      status: 'answered',
      statusChangedAt: T + 170,
      templateUsed: 'info',
      templateVersion: 2,
      note: 'Meine Notiz\n\nIhre Notiz',
      terms: ['Baustelle', 'Sperrung'],
      topicIds: ['verkehr', 'bau'],
    });
    const older: ExportedMention = { ...theirs, statusChangedAt: T + 120 };
    expect(mergeMention(mine, older)).toMatchObject({ status: 'seen', statusChangedAt: T + 150 });
    expect(mergeMention(mine, older)).not.toHaveProperty('templateUsed');
    expect(mergeMention(mine, older)).not.toHaveProperty('templateVersion');
  });

  it('joins only distinct non-empty notes', () => {
    expect(mergeNotes('a', '')).toBe('a');
    expect(mergeNotes('', 'b')).toBe('b');
    expect(mergeNotes('a\n\nb', 'b')).toBe('a\n\nb');
    expect(mergeNotes('a', 'a und mehr')).toBe('a und mehr');
    expect(mergeNotes(' a ', ' a ')).toBe('a');
  });

  it('merges a colleague’s export into the local log and counts new, merged and errors', async () => {
    db = freshDb();
    await db.mentions.bulkAdd([mine, row('only-mine')] as Mention[]);
    const text = file([
      theirs,
      row('new1'),
      row('new2'),
      { ...row('new1'), note: 'doppelt im selben Export', statusChangedAt: Date.UTC(2025, 10, 26), status: 'ignored' },
      { ...row('bad1'), platform: 'myspace' },
      { ...row('bad2'), permalink: 'javascript:alert(1)' },
      { ...row('bad3'), firstSeen: 'gestern' },
      'kein Objekt',
    ]);
    const r = await importMentionsJson(db, text);
    expect(r.ok).toBe(true);
    expect(r).toMatchObject({ added: 2, merged: 2, errors: 4 });
    expect(r.problems.map((p) => formatProblem(de, p))).toEqual([
      'Eintrag 5 › Plattform: unbekannte Plattform „myspace“.',
      'Eintrag 6 › Link: „javascript:alert(1)“ ist keine http(s)-Adresse.',
      'Eintrag 7 › Erste Sichtung: Zeitangabe „gestern“ ungültig (vor 2004 oder mehr als einen Tag in der Zukunft).',
      'Eintrag 8: kein Objekt.',
    ]);
    const byKey = Object.fromEntries((await snapshot(db)).map((m) => [m.mentionKey, m]));
    expect(Object.keys(byKey).sort()).toEqual(['k', 'new1', 'new2', 'only-mine']);
    expect(byKey.k).toMatchObject({
      status: 'answered',
      note: 'Meine Notiz\n\nIhre Notiz',
      firstSeen: T + 50,
      lastSeen: T + 200,
    });
    expect(byKey.new1).toMatchObject({ status: 'ignored', note: 'doppelt im selben Export' });
    expect(byKey['only-mine']).toBeDefined();
  });

  it('stores imported authors as the local privacy mode allows', async () => {
    db = freshDb();
    const text = file([row('p', { author: 'Max Müller' }), row('q', { author: 'Person 0A1B' })]);
    await importMentionsJson(db, text, { authorMode: 'pseudonym', pseudonymKey: 's' });
    const authors = (await snapshot(db)).map((m) => m.author);
    expect(authors).toEqual([await pseudonymise('Max Müller', 's'), 'Person 0A1B']);
    other = freshDb();
    await importMentionsJson(other, text, { authorMode: 'none' });
    expect((await snapshot(other)).map((m) => m.author)).toEqual(['', '']);
  });

  it('caps the list of messages', async () => {
    db = freshDb();
    const r = await importMentionsJson(db, file(Array.from({ length: 30 }, () => ({}))));
    expect(r.errors).toBe(30);
    expect(r.problems).toHaveLength(MAX_PROBLEMS);
  });
});

describe('rejected files change nothing', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "lauscher-mentions", ', /keine gültige JSON-Datei/],
    ['empty', '', /keine gültige JSON-Datei/],
    ['a CSV export', '\uFEFF"Datum erste Sichtung";"Plattform"', /keine gültige JSON-Datei/],
    [
      'another format',
      JSON.stringify({ format: 'lauscher-team-profile', version: 1, mentions: [] }),
      /kein Lauscher-Export/,
    ],
    ['a plain array', JSON.stringify([row('x')]), /kein Lauscher-Export/],
    ['null', 'null', /kein Lauscher-Export/],
    ['a newer version', file([row('x')], { version: 2 }), /neueren Lauscher-Version \(Format 2\)/],
    ['a broken version', file([row('x')], { version: '1' }), /ungültige Formatversion/],
    ['no list', file([], { mentions: { a: 1 } }), /keine Liste von Erwähnungen/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, async () => {
      db = freshDb();
      await db.mentions.bulkAdd([row('a'), row('b')] as Mention[]);
      const before = await snapshot(db);
      const r = await importMentionsJson(db, text);
      expect(r).toMatchObject({ ok: false, added: 0, merged: 0, errors: 1 });
      expect(formatProblem(de, r.problems[0] as Problem)).toMatch(message);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('accepts its own export with a BOM', async () => {
    db = freshDb();
    const r = await importMentionsJson(db, `\uFEFF${mentionsToJson([{ ...row('a'), id: 1 } as Mention])}`);
    expect(r.added).toBe(1);
  });
});
