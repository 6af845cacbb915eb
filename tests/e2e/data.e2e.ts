// Data you can trust, in real Chromium with the built extension: hostile log files and team profiles are refused
// with German messages and change nothing; a valid profile shows its diff and applies only on confirmation; rows
// already stored badly do not break the popup, the side panel, the options or the exports; closing a tab while the
// log is still being read loses nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeed } from '../../bench/_feed';
import { CHROME_E2E_BUILD, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';
import type { Profile } from '../../utils/settings';

/** Hand-built for this test (importing utils/settings here would run its storage migrations in Node). */
const BASE: Profile = {
  municipality: { name: 'Musterstadt', aliases: ['#musterstadt'], caseSensitive: false },
  topics: [
    { id: 'bau', label: 'Baustelle/Verkehr', color: 'amber', terms: ['Baustelle*', 'Umleitung*'], exclude: [] },
    { id: 'unwetter', label: 'Unwetter', color: 'blue', terms: ['Hochwasser', 'Unwetter*'], exclude: [], urgent: true },
  ],
  templates: [
    {
      id: 'danke',
      title: 'Danke',
      body: 'Hallo {{autor}}, danke für Ihren Hinweis!',
      topicIds: [],
      formality: 'sie',
      version: 1,
    },
    {
      id: 'baustelle',
      title: 'Baustelle',
      body: 'Alle Baustellen in {{kommune}} finden Sie online.',
      topicIds: ['bau'],
      formality: 'sie',
      version: 1,
    },
    {
      id: 'unwetter',
      title: 'Unwetter',
      body: 'Bitte beachten Sie die amtlichen Warnungen.',
      topicIds: ['unwetter'],
      formality: 'sie',
      version: 1,
    },
  ],
  houseFormality: 'sie',
};

let lauscher: Lauscher;
const errors: string[] = [];
/** Filled by the tests, printed at the end: the table for the closing note. */
const table: { file: string; message: string; changed: boolean }[] = [];

beforeAll(async () => {
  lauscher = await launchLauscher({ build: CHROME_E2E_BUILD });
  await lauscher.setSetting('profile', BASE);
  lauscher.context.on('page', (p) => p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`)));
});
afterAll(async () => {
  if (table.length) {
    console.log(
      ['| file | message shown | state changed |', '|---|---|---|']
        .concat(table.map((r) => `| ${r.file} | ${r.message.replace(/\n/g, ' ')} | ${r.changed ? 'YES' : 'no'} |`))
        .join('\n'),
    );
  }
  await lauscher?.close();
});

const logFile = (mentions: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'lauscher-mentions', version: 1, mentions, ...over });
const profileFile = (profile: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'lauscher-profile', version: 1, profile, ...over });
const entry = (key: string, over: Record<string, unknown> = {}) => {
  const t = Date.now() - 3_600_000;
  return {
    mentionKey: key,
    platform: 'facebook',
    kind: 'post',
    permalink: `https://www.facebook.com/groups/musterstadt/posts/${key}`,
    pageUrl: 'https://www.facebook.com/groups/musterstadt/',
    author: 'Person 0A1B',
    snippet: `Baustelle ${key}`,
    terms: ['Baustelle*'],
    topicIds: ['bau'],
    firstSeen: t,
    lastSeen: t,
    seenCount: 1,
    status: 'new',
    statusChangedAt: t,
    note: '',
    ...over,
  };
};

async function storedProfile(): Promise<{ pseudonymKey?: string } | null> {
  return lauscher.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } }).chrome;
    return ((await c.storage.local.get('profile')) as { profile?: { pseudonymKey?: string } }).profile ?? null;
  });
}

async function options(): Promise<Page> {
  const page = await lauscher.context.newPage();
  await page.goto(lauscher.extensionUrl('options.html'));
  await page.getByTestId('import-mentions').waitFor();
  return page;
}

/** Sets a file on an input and returns the status text once it no longer says "reading". */
async function load(page: Page, testid: string, name: string, buffer: Buffer): Promise<string> {
  const status = page.getByTestId('data-status');
  const seq = async () => ((await status.count()) ? Number(await status.getAttribute('data-seq')) : 0);
  const before = await seq();
  if (buffer.length > 40e6) {
    // Playwright sends at most 50 MB inline: bigger files go by path
    const path = join(mkdtempSync(join(tmpdir(), 'lauscher-file-')), name);
    writeFileSync(path, buffer);
    await page.getByTestId(testid).setInputFiles(path);
  } else await page.getByTestId(testid).setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect.poll(seq, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect
    .poll(async () => (await status.count()) > 0 && !/wird gelesen/.test((await status.textContent()) ?? ''), {
      timeout: 30_000,
    })
    .toBe(true);
  return (await status.textContent()) ?? '';
}

describe('hostile files in the options page', () => {
  it('refuses hostile log files: German messages, the log unchanged', async () => {
    const page = await options();
    // one good import first, so there is something that must not change
    expect(await load(page, 'import-mentions', 'gut.json', Buffer.from(logFile([entry('a'), entry('b')])))).toContain(
      '2 neu, 0 zusammengeführt, 0 Fehler',
    );
    const before = await readMentions(lauscher, page);
    const hostile: [string, string | Buffer, RegExp][] = [
      [
        'firstSeen-1e20.json',
        logFile([entry('x1', { firstSeen: 1e20 })]),
        /Eintrag 1 › Erste Sichtung: Zeitangabe „100000000000000000000“ ungültig/,
      ],
      [
        'jahr-2100.json',
        logFile([entry('x2', { firstSeen: Date.UTC(2100, 0, 1), lastSeen: Date.UTC(2100, 0, 1) })]),
        /Zeitangabe .* ungültig \(vor 2004 oder mehr als einen Tag in der Zukunft\)/,
      ],
      ['version-minus-3.json', logFile([entry('x3')], { version: -3 }), /ungültige Formatversion \(-3\)/],
      ['javascript-link.json', logFile([entry('x4', { permalink: 'javascript:alert(1)' })]), /keine http\(s\)-Adresse/],
      [
        'proto.json',
        `{"format":"lauscher-mentions","version":1,"__proto__":{"x":1},"mentions":[{"__proto__":{"admin":true}}]}`,
        /Eintrag 1/,
      ],
      ['kaputt.json', '{"mentions": [', /keine gültige JSON-Datei/],
      ['teamprofil-statt-log.json', profileFile(BASE), /kein Lauscher-Export von Erwähnungen/],
    ];
    for (const [name, body, message] of hostile) {
      const text = await load(page, 'import-mentions', name, Buffer.isBuffer(body) ? body : Buffer.from(body));
      expect(text, name).toMatch(message);
      const after = await readMentions(lauscher, page);
      table.push({ file: `log: ${name}`, message: text, changed: JSON.stringify(after) !== JSON.stringify(before) });
      expect(after, name).toEqual(before);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses hostile team profiles: German messages, the profile unchanged', async () => {
    const page = await options();
    const before = await storedProfile();
    const topic = (over: Record<string, unknown> = {}) => ({
      id: 'bau',
      label: 'Bau',
      color: 'amber',
      terms: ['Baustelle*'],
      exclude: [],
      ...over,
    });
    const hostile: [string, string, RegExp][] = [
      [
        'bau-stern-stelle.json',
        profileFile({ ...BASE, topics: [topic({ terms: ['Bau*stelle'] })] }),
        /in „Bau\*stelle“ steht \* nicht am Ende/,
      ],
      [
        'alias-fragezeichen.json',
        profileFile({ ...BASE, municipality: { name: 'Musterstadt', aliases: ['???'], caseSensitive: false } }),
        /„\?\?\?“ enthält keinen Buchstaben/,
      ],
      ['version-minus-3.json', profileFile(BASE, { version: -3 }), /ungültige Formatversion \(-3\)/],
      [
        'doppelte-themen.json',
        profileFile({ ...BASE, topics: [topic(), topic({ color: 'red' })] }),
        /Zwei Themen haben dieselbe Kennung/,
      ],
      [
        '100000-themen.json',
        profileFile({ ...BASE, topics: Array.from({ length: 100_000 }, (_, i) => topic({ id: `t${i}` })) }),
        /größer als 2 MB/,
      ],
      [
        '50mb-vorlage.json',
        profileFile({
          ...BASE,
          templates: [{ id: 'x', title: 'X', body: 'x'.repeat(50 * 1024 * 1024), topicIds: [] }],
        }),
        /größer als 2 MB/,
      ],
      [
        'lange-vorlage.json',
        profileFile({ ...BASE, templates: [{ id: 'x', title: 'X', body: 'x'.repeat(5001), topicIds: [] }] }),
        /länger als 5\.000 Zeichen/,
      ],
      ['log-statt-profil.json', logFile([entry('a')]), /kein Lauscher-Teamprofil/],
    ];
    for (const [name, body, message] of hostile) {
      const text = await load(page, 'import-profile', name, Buffer.from(body));
      expect(text, name).toMatch(message);
      expect(text, name).toMatch(/nicht geladen, es wurde nichts geändert/);
      expect(await page.getByTestId('profile-import-apply').count()).toBe(0);
      const after = await storedProfile();
      table.push({
        file: `profile: ${name}`,
        message: text,
        changed: JSON.stringify(after) !== JSON.stringify(before),
      });
      expect(after, name).toEqual(before);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a valid profile shows what changes and applies only on "Übernehmen"', async () => {
    const page = await options();
    const next = {
      ...BASE,
      topics: [
        ...BASE.topics,
        ...['a', 'b', 'c'].map((id) => ({ id, label: `Neu ${id}`, color: 'teal', terms: [`Wort${id}`], exclude: [] })),
      ],
      templates: BASE.templates.map((x, i) => (i < 2 ? { ...x, body: `${x.body} Neu.` } : x)),
    };
    // The background adds the team's pseudonym key to a profile written without one: wait for it first.
    await expect.poll(async () => !!(await storedProfile())?.pseudonymKey).toBe(true);
    const before = await storedProfile();
    await page
      .getByTestId('import-profile')
      .setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(profileFile(next)) });
    await expect
      .poll(() => page.getByTestId('profile-diff-summary').textContent())
      .toBe('3 neue Themen, 2 geänderte Vorlagen, Kommune unverändert');
    await page.screenshot({ path: 'test-results/data-profile-diff.png', fullPage: true });
    expect(await storedProfile()).toEqual(before); // nothing yet
    await page.getByTestId('profile-import-apply').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('data-status').textContent()).toContain('Teamprofil übernommen');
    // The file had no key: the team's key stays (issue 11).
    expect(await storedProfile()).toEqual({ ...next, pseudonymKey: before?.pseudonymKey });
    await lauscher.setSetting('profile', BASE);
    await page.close();
  });
});

/** Writes rows straight into the extension's database, as a bug or an old import might have left them. */
function putRaw(page: Page, rows: unknown[]) {
  return page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('lauscher');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('mentions', 'readwrite');
          for (const r of list) tx.objectStore('mentions').put(r);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    rows,
  );
}

describe('rows already stored badly', () => {
  it('do not break the popup, the side panel, the options or the exports', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('popup.html'));
    await page.getByTestId('digest-today-count').waitFor();
    const now = Date.now();
    await putRaw(page, [
      { ...entry('bad-1e20'), id: 9001, firstSeen: 1e20, lastSeen: 1e20 },
      { ...entry('bad-2100'), id: 9002, firstSeen: Date.UTC(2100, 0, 1), lastSeen: Date.UTC(2100, 0, 1) },
      {
        ...entry('bad-fields'),
        id: 9003,
        firstSeen: now - 60_000,
        lastSeen: 'gestern',
        statusChangedAt: Number.NaN,
        topicIds: 'bau',
        terms: null,
        snippet: 42,
      },
      {
        ...entry('bad-status'),
        id: 9004,
        firstSeen: now - 120_000,
        status: 'kaputt',
        kind: 'story',
        platform: 'myspace',
      },
    ]);
    const today = (await readMentions(lauscher, page)).filter((r) => {
      const t = r.firstSeen as number;
      return typeof t === 'number' && t >= new Date(new Date().setHours(0, 0, 0, 0)).getTime() && t <= now + 86_400_000;
    }).length;
    for (const url of ['popup.html', 'sidepanel.html', 'options.html'] as const) {
      await page.goto(lauscher.extensionUrl(url));
      await page.waitForTimeout(1000);
    }
    await page.goto(lauscher.extensionUrl('popup.html'));
    await expect.poll(() => page.getByTestId('mention-item').count()).toBeGreaterThan(0);
    // 2100 and 1e20 are not "today"
    expect(Number(await page.getByTestId('digest-today-count').textContent())).toBe(today);
    await page.screenshot({ path: 'test-results/data-popup-bad-rows.png' });

    const opts = await options();
    const [csv] = await Promise.all([opts.waitForEvent('download'), opts.getByTestId('export-csv').click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text).toContain('ungültiges Datum');
    expect(text).not.toMatch(/NaN/);
    const [json] = await Promise.all([opts.waitForEvent('download'), opts.getByTestId('export-json').click()]);
    expect(JSON.parse(readFileSync(await json.path(), 'utf8')).mentions.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await opts.close();
    await page.close();
  });
});

describe('closing a tab mid-log', () => {
  const feed = generateFeed({ posts: 1000, seed: 7 });
  const URL_A = 'https://www.facebook.com/groups/lang/';

  async function clearLog() {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('popup.html'));
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.open('lauscher');
          req.onsuccess = () => {
            const tx = req.result.transaction('mentions', 'readwrite');
            tx.objectStore('mentions').clear();
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
          };
        }),
    );
    await page.close();
  }

  it('loses nothing that was found before the tab closed', { timeout: 180_000 }, async () => {
    await lauscher.setSetting('profile', feed.profile);
    await lauscher.context.route(URL_A, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: feed.html }),
    );

    // Baseline: the same feed logged to the end.
    await clearLog();
    const full = await lauscher.context.newPage();
    await full.addInitScript(() => {
      const w = window as unknown as { __logged: number };
      w.__logged = 0;
      document.addEventListener('lauscher:logged', () => w.__logged++);
    });
    await full.goto(URL_A);
    await full.waitForFunction(() => (window as unknown as { __logged: number }).__logged > 0, undefined, {
      timeout: 120_000,
    });
    let last = -1;
    for (let n = (await readMentions(lauscher)).length; n !== last; n = (await readMentions(lauscher)).length) {
      last = n;
      await full.waitForTimeout(1500);
    }
    const expected = new Set((await readMentions(lauscher)).map((r) => r.mentionKey));
    expect(expected.size).toBeGreaterThan(500);
    await full.close();

    // Again, closed as soon as the scan is done, while the posts are still being read for the log.
    await clearLog();
    const tab = await lauscher.context.newPage();
    await tab.addInitScript(() => {
      const w = window as unknown as { __idle: number; __logged: number };
      w.__idle = 0;
      w.__logged = 0;
      document.addEventListener('lauscher:idle', () => w.__idle++);
      document.addEventListener('lauscher:logged', () => w.__logged++);
    });
    await tab.goto(URL_A);
    await tab.waitForFunction(() => (window as unknown as { __idle: number }).__idle > 0, undefined, {
      timeout: 120_000,
    });
    const inLogAtClose = (await readMentions(lauscher)).length;
    await tab.close();
    await expect
      .poll(async () => new Set((await readMentions(lauscher)).map((r) => r.mentionKey)).size, {
        timeout: 30_000,
        interval: 1000,
      })
      .toBe(expected.size);
    expect(new Set((await readMentions(lauscher)).map((r) => r.mentionKey))).toEqual(expected);
    console.log(
      `tab closed after the scan: ${expected.size} mentions expected, ${inLogAtClose} in the log just before close`,
    );
    await lauscher.setSetting('profile', BASE);
  });
});
