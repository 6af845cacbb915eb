// Hostile and broken files, as a team exchanges them by e-mail and USB stick: every one is rejected (as a whole or
// entry by entry) with a German message, and nothing of a rejected entry reaches the database or the settings.
import { afterEach, describe, expect, it } from 'vitest';
import type { LauscherDb } from '../../utils/db';
import { importMentionsFile, importMentionsJson, JSON_FORMAT } from '../../utils/export/json';
import { PROFILE_MAX_BYTES } from '../../utils/export/limits';
import { formatProblem, type Problem } from '../../utils/export/problems';
import {
  diffSummary,
  PROFILE_FORMAT,
  profileDiff,
  profileFromBytes,
  profileFromJson,
  profileToJson,
  validateProfileFile,
} from '../../utils/export/profile';
import type { Mention } from '../../utils/model';
import { DEMO_PROFILE, type Profile } from '../../utils/settings';
import { de } from './locale';
import { freshDb, row } from './mentions-helpers';

let db: LauscherDb;
afterEach(() => db?.close());

const NOW = Date.UTC(2025, 10, 25, 12);
const logFile = (mentions: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: JSON_FORMAT, version: 1, exportedAt: '2025-11-25T10:00:00.000Z', mentions, ...over });
const profileFile = (profile: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: PROFILE_FORMAT, version: 1, profile, ...over });
const withTopics = (topics: unknown[]) => ({ ...DEMO_PROFILE, topics });
const german = (p: Problem | undefined) => (p ? formatProblem(de, p) : '');

async function snapshot(target: LauscherDb): Promise<Mention[]> {
  return target.mentions.orderBy('id').toArray();
}

function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  const units = bom ? `\uFEFF${text}` : text;
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), endian === 'le');
  return out;
}

describe('hostile log files: the file is rejected and nothing changes', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "lauscher-mentions", ', /keine gültige JSON-Datei/],
    ['empty', '', /keine gültige JSON-Datei/],
    ['a CSV export', '\uFEFF"Erste Sichtung";"Plattform"', /keine gültige JSON-Datei/],
    ['a team profile', profileToJson(DEMO_PROFILE), /kein Lauscher-Export von Erwähnungen/],
    ['a plain array', JSON.stringify([row('x')]), /kein Lauscher-Export/],
    ['null', 'null', /kein Lauscher-Export/],
    ['version -3', logFile([row('x')], { version: -3 }), /ungültige Formatversion \(-3\)/],
    ['version 1.5', logFile([row('x')], { version: 1.5 }), /ungültige Formatversion/],
    ['version "1"', logFile([row('x')], { version: '1' }), /ungültige Formatversion/],
    ['a newer version', logFile([row('x')], { version: 2 }), /neueren Lauscher-Version \(Format 2\)/],
    ['no list of mentions', logFile([], { mentions: { a: 1 } }), /keine Liste von Erwähnungen/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, async () => {
      db = freshDb();
      await db.mentions.bulkAdd([row('a'), row('b')] as Mention[]);
      const before = await snapshot(db);
      const r = await importMentionsJson(db, text, { now: NOW });
      expect(r).toMatchObject({ ok: false, added: 0, merged: 0, errors: 1 });
      expect(german(r.problems[0])).toMatch(message);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('refuses a file above the size limit before reading it', async () => {
    db = freshDb();
    const big = new Blob([logFile([row('x'), row('y')])]);
    const r = await importMentionsFile(db, big, 100, { now: NOW });
    expect(r.ok).toBe(false);
    expect(german(r.problems[0])).toMatch(/größer als 200 MB/);
    expect(await db.mentions.count()).toBe(0);
  });
});

describe('hostile log entries: reported one by one, nothing of them written', () => {
  const good = row('gut');
  const cases: [string, unknown, RegExp][] = [
    [
      'firstSeen 1e20',
      { ...row('e1'), firstSeen: 1e20 },
      /Erste Sichtung: Zeitangabe „100000000000000000000“ ungültig/,
    ],
    [
      'a date in 2100',
      { ...row('e2'), firstSeen: Date.UTC(2100, 0, 1), lastSeen: Date.UTC(2100, 0, 1) },
      /Erste Sichtung: Zeitangabe/,
    ],
    ['a date in 1970', { ...row('e3'), lastSeen: 0 }, /Letzte Sichtung: Zeitangabe „0“ ungültig/],
    ['a negative time', { ...row('e4'), statusChangedAt: -5 }, /Status geändert: Zeitangabe/],
    ['a time as text', { ...row('e5'), firstSeen: '2025-11-25' }, /Erste Sichtung: Zeitangabe/],
    ['a time null', { ...row('e6'), firstSeen: null }, /Erste Sichtung: Zeitangabe „null“/],
    ['answeredAt in 2100', { ...row('e7'), answeredAt: Date.UTC(2100, 0, 1) }, /answeredAt: Zeitangabe/],
    ['javascript: link', { ...row('e8'), permalink: 'javascript:alert(1)' }, /keine http\(s\)-Adresse/],
    ['data: page', { ...row('e9'), pageUrl: 'data:text/html,<script>alert(1)</script>' }, /keine http\(s\)-Adresse/],
    ['unknown platform', { ...row('e10'), platform: 'myspace' }, /unbekannte Plattform „myspace“/],
    ['unknown status', { ...row('e11'), status: 'erledigt' }, /unbekannter Status „erledigt“/],
    ['unknown kind', { ...row('e12'), kind: 'story' }, /unbekannte Art „story“/],
    ['negative count', { ...row('e13'), seenCount: -1 }, /Anzahl „-1“ ungültig/],
    ['fractional count', { ...row('e14'), seenCount: 1.5 }, /Anzahl „1.5“ ungültig/],
    ['no key', { ...row('e15'), mentionKey: '' }, /Kennung der Erwähnung fehlt/],
    ['terms not a list', { ...row('e16'), terms: 'Baustelle' }, /Liste von Texten/],
    ['5,000 terms', { ...row('e17'), terms: Array.from({ length: 5000 }, (_, i) => `t${i}`) }, /Liste von Texten/],
    ['a 30,000-character snippet', { ...row('e18'), snippet: 'x'.repeat(30_000) }, /falsche Form/],
    ['a note that is a number', { ...row('e19'), note: 42 }, /falsche Form/],
    ['an array entry', [1, 2], /Kennung: Angabe fehlt|mentionKey: Angabe fehlt/],
    ['a null entry', null, /kein Objekt/],
  ];

  for (const [what, entry, message] of cases) {
    it(`rejects an entry with ${what}`, async () => {
      db = freshDb();
      const r = await importMentionsJson(db, logFile([good, entry]), { now: NOW });
      expect(r).toMatchObject({ ok: true, added: 1, errors: 1 });
      expect(german(r.problems[0])).toMatch(/^Eintrag 2/);
      expect(german(r.problems[0])).toMatch(message);
      expect((await snapshot(db)).map((m) => m.mentionKey)).toEqual(['gut']);
    });
  }

  it('a "__proto__" key neither pollutes objects nor reaches the row', async () => {
    db = freshDb();
    const text = `{"format":"${JSON_FORMAT}","version":1,"__proto__":{"polluted":1},"mentions":[${JSON.stringify(
      row('p'),
    ).replace(/^\{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":2}},')}]}`;
    const r = await importMentionsJson(db, text, { now: NOW });
    expect(r).toMatchObject({ ok: true, added: 1, errors: 0 });
    const [stored] = await snapshot(db);
    expect(Object.keys(stored ?? {})).not.toContain('__proto__');
    expect(Object.keys(stored ?? {})).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  for (const [what, bytes] of [
    ['UTF-16 LE with BOM', utf16(logFile([row('u')]), 'le')],
    ['UTF-16 BE with BOM', utf16(logFile([row('u')]), 'be')],
    ['UTF-16 LE without BOM', utf16(logFile([row('u')]), 'le', false)],
    ['UTF-8 with BOM', new TextEncoder().encode(`\uFEFF${logFile([row('u', { author: 'Jürgen Groß' })])}`)],
  ] as const) {
    it(`reads a file in ${what}`, async () => {
      db = freshDb();
      const r = await importMentionsFile(db, new Blob([bytes as Uint8Array<ArrayBuffer>]), 1e6, { now: NOW });
      expect(r).toMatchObject({ ok: true, added: 1, errors: 0 });
    });
  }

  it('reads a big file chunk by chunk and keeps umlauts split across chunks', async () => {
    db = freshDb();
    const rows = Array.from({ length: 3000 }, (_, i) => row(`k${i}`, { snippet: `Bürgerbüro ${i} — Straße` }));
    const r = await importMentionsFile(db, new Blob([logFile(rows)]), 1e8, { now: NOW });
    expect(r).toMatchObject({ ok: true, added: 3000, errors: 0 });
    expect((await db.mentions.get({ mentionKey: 'k2999' }))?.snippet).toBe('Bürgerbüro 2999 — Straße');
  });
});

describe('hostile team profiles: rejected with a German message, no partial profile', () => {
  const topic = (over: Record<string, unknown> = {}) => ({
    id: 'bau',
    label: 'Baustelle',
    color: 'amber',
    terms: ['Baustelle*'],
    exclude: [],
    ...over,
  });
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format":', /keine gültige JSON-Datei/],
    ['a log export', logFile([row('x')]), /kein Lauscher-Teamprofil/],
    ['version -3', profileFile(DEMO_PROFILE, { version: -3 }), /ungültige Formatversion \(-3\)/],
    ['a newer version', profileFile(DEMO_PROFILE, { version: 7 }), /neueren Lauscher-Version \(Format 7\)/],
    [
      'a term Bau*stelle',
      profileFile(withTopics([topic({ terms: ['Bau*stelle'] })])),
      /Thema 1: in „Bau\*stelle“ steht \* nicht am Ende/,
    ],
    [
      'an alias ???',
      profileFile({ ...DEMO_PROFILE, municipality: { name: 'Musterstadt', aliases: ['???'], caseSensitive: false } }),
      /„\?\?\?“ enthält keinen Buchstaben/,
    ],
    ['an unbalanced quote', profileFile(withTopics([topic({ exclude: ['"Sperrung'] })])), /Anführungszeichen/],
    ['a 201-character term', profileFile(withTopics([topic({ terms: ['a'.repeat(201)] })])), /länger als 200 Zeichen/],
    [
      'duplicate topic ids',
      profileFile(withTopics([topic(), topic({ color: 'red' })])),
      /Zwei Themen haben dieselbe Kennung/,
    ],
    [
      'duplicate template ids',
      profileFile({ ...DEMO_PROFILE, templates: [DEMO_PROFILE.templates[0], DEMO_PROFILE.templates[0]] }),
      /Zwei Antwortbausteine/,
    ],
    ['the reserved id municipality', profileFile(withTopics([topic({ id: 'municipality' })])), /reserviert/],
    [
      'an id with markup',
      profileFile(withTopics([topic({ id: '<img src=x onerror=alert(1)>' })])),
      /ungültige Kennung/,
    ],
    [
      '201 topics',
      profileFile(withTopics(Array.from({ length: 201 }, (_, i) => topic({ id: `t${i}` })))),
      /mehr als 200 Themen/,
    ],
    [
      '2,001 terms in a topic',
      profileFile(withTopics([topic({ terms: Array.from({ length: 2001 }, (_, i) => `Wort${i}`) })])),
      /Thema 1 › Begriffe: mehr als 2\.000 Begriffe/,
    ],
    [
      'a 5,001-character template',
      profileFile({
        ...DEMO_PROFILE,
        templates: [{ id: 'lang', title: 'Lang', body: 'x'.repeat(5001), topicIds: [] }],
      }),
      /Antwortbaustein 1 › Text: der Text ist länger als 5\.000 Zeichen/,
    ],
    [
      'no municipality name',
      profileFile({ ...DEMO_PROFILE, municipality: { name: '  ', aliases: [] } }),
      /fehlt der Name der Kommune/,
    ],
    ['topics not a list', profileFile({ ...DEMO_PROFILE, topics: { bau: topic() } }), /Liste/],
    [
      'a template form of address "ihr"',
      profileFile({ ...DEMO_PROFILE, templates: [{ ...DEMO_PROFILE.templates[0], formality: 'ihr' }] }),
      /„sie“ oder „du“/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, () => {
      const r = profileFromJson(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(german(r.problems[0])).toMatch(message);
    });
  }

  it('refuses 100,000 topics (17 MB) by size, before parsing, and by count when already parsed', () => {
    const huge = profileFile(withTopics(Array.from({ length: 100_000 }, (_, i) => topic({ id: `t${i}` }))));
    expect(huge.length).toBeGreaterThan(PROFILE_MAX_BYTES);
    const bySize = profileFromBytes(new TextEncoder().encode(huge), PROFILE_MAX_BYTES);
    expect(bySize.ok).toBe(false);
    if (!bySize.ok) expect(german(bySize.problems[0])).toMatch(/größer als 2 MB/);
    const byCount = validateProfileFile(JSON.parse(huge));
    expect(byCount.ok).toBe(false);
    if (!byCount.ok) expect(german(byCount.problems[0])).toMatch(/mehr als 200 Themen/);
  });

  it('refuses a 50 MB template by size', () => {
    const body = 'x'.repeat(50 * 1024 * 1024);
    const text = profileFile({ ...DEMO_PROFILE, templates: [{ id: 'riesig', title: 'Riesig', body, topicIds: [] }] });
    const r = profileFromBytes(new TextEncoder().encode(text), PROFILE_MAX_BYTES);
    expect(r.ok).toBe(false);
  });

  it('"__proto__" keys do not pollute and are not stored', () => {
    const text = profileFile(DEMO_PROFILE).replace('"municipality":', '"__proto__":{"polluted":1},"municipality":');
    const r = profileFromJson(text.replace('"format"', '"__proto__":{"evil":1},"format"'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.profile)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
  });

  it('reads UTF-16 and BOM files; an unknown colour becomes grey; optional fields of other issues pass', () => {
    const p = {
      ...DEMO_PROFILE,
      houseFormality: 'sie',
      pseudonymKey: 'ab'.repeat(32),
      topics: [topic({ color: 'magenta' })],
      templates: [
        {
          ...DEMO_PROFILE.templates[0],
          formality: 'du',
          variantGroup: 'danke',
          version: 3,
          validUntil: Date.UTC(2030, 0, 1),
        },
      ],
    };
    for (const bytes of [
      utf16(profileFile(p), 'le'),
      utf16(profileFile(p), 'be'),
      new TextEncoder().encode(`\uFEFF${profileFile(p)}`),
    ]) {
      const r = profileFromBytes(bytes, PROFILE_MAX_BYTES);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.profile.topics[0]?.color).toBe('grey');
      expect(r.profile).toMatchObject({ houseFormality: 'sie', pseudonymKey: 'ab'.repeat(32) });
      expect(r.profile.templates[0]).toMatchObject({ formality: 'du', variantGroup: 'danke', version: 3 });
    }
  });

  it('its own export reads back unchanged', () => {
    const r = profileFromJson(profileToJson(DEMO_PROFILE));
    expect(r).toEqual({ ok: true, profile: DEMO_PROFILE });
  });
});

describe('profile diff', () => {
  it('"3 neue Themen, 2 geänderte Vorlagen, Kommune unverändert"', () => {
    const next: Profile = {
      ...DEMO_PROFILE,
      topics: [
        ...DEMO_PROFILE.topics,
        ...['a', 'b', 'c'].map((id) => ({ id, label: id, color: 'grey' as const, terms: [id], exclude: [] })),
      ],
      templates: DEMO_PROFILE.templates.map((x, i) => (i < 2 ? { ...x, body: `${x.body} Neu.` } : x)),
    };
    expect(diffSummary(de, profileDiff(DEMO_PROFILE, next))).toBe(
      '3 neue Themen, 2 geänderte Vorlagen, Kommune unverändert',
    );
  });

  it('names removals, a changed town and singulars; same content in another key order is unchanged', () => {
    const next: Profile = {
      municipality: { ...DEMO_PROFILE.municipality, name: 'Beispielburg' },
      topics: DEMO_PROFILE.topics.slice(1),
      templates: DEMO_PROFILE.templates.map((x) => Object.fromEntries(Object.entries(x).reverse()) as typeof x),
      houseFormality: DEMO_PROFILE.houseFormality,
    };
    expect(diffSummary(de, profileDiff(DEMO_PROFILE, next))).toBe('1 Thema entfällt, Kommune geändert');
    expect(diffSummary(de, profileDiff(DEMO_PROFILE, DEMO_PROFILE))).toBe('Keine Änderungen');
  });
});
