// Team sync in the real browser: two Chromium profiles of the built extension sync their logs through a
// CouchDB-protocol server (express-pouchdb) on a random loopback port. One answers in the popup, the other's popup
// shows "beantwortet von …"; a wrong password and a server that is down show their messages and lose nothing; the
// popup filters "von mir / vom Team"; the retention purge in one browser deletes on the server and in the other;
// "Alles löschen" erases one browser's copy only and switches its sync off.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json' with { type: 'json' };
import {
  CHROME_E2E_BUILD,
  DEMO_PAGE,
  DEMO_URL,
  type Lauscher,
  launchLauscher,
  readMentions,
} from '../../scripts/launch-chromium';
import { type CouchServer, startCouchServer } from '../sync/couch-server';

let server: CouchServer;
let anna: Lauscher;
let ben: Lauscher;

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function connect(l: Lauscher, name: string, password: string) {
  const page = await l.context.newPage();
  await page.goto(l.extensionUrl('options.html'));
  await page.getByTestId('team-name').fill(name);
  await page.getByTestId('team-url').fill(server.dbUrl);
  await page.getByTestId('team-user').fill(server.user);
  await page.getByTestId('team-password').fill(password);
  return page;
}

/** The ids of the mention cards the popup lists now. */
function cardKeys(popup: Page): Promise<string[]> {
  return popup
    .getByTestId('mention-item')
    .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.mentionId ?? ''));
}

/** A document of the team database as the server has it (status 404 once deleted). */
async function onServer(key: string): Promise<number> {
  const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
  const res = await fetch(`${server.dbUrl}/${encodeURIComponent(`mention:${key}`)}`, {
    headers: { Authorization: auth },
  });
  await res.body?.cancel();
  return res.status;
}

beforeAll(async () => {
  server = await startCouchServer();
  [anna, ben] = await Promise.all([
    launchLauscher({ build: CHROME_E2E_BUILD }),
    launchLauscher({ build: CHROME_E2E_BUILD }),
  ]);
  await anna.serve(DEMO_URL, DEMO_PAGE);
});
afterAll(async () => {
  await Promise.all([anna?.close(), ben?.close()]);
  await server?.close();
});

describe('team sync (two browser profiles)', { timeout: 180_000 }, () => {
  it('a wrong password says so, and connecting with the right one syncs', async () => {
    // Alone (no team server, no name), the popup has no "von mir / vom Team" filter: everything is one's own.
    const alone = await anna.context.newPage();
    await alone.goto(anna.extensionUrl('popup.html'));
    await alone.getByTestId('digest-filter-status').waitFor();
    expect(await alone.getByTestId('queue-filter-who').count()).toBe(0);
    await alone.close();
    // And "Alles löschen" asks and answers as it always did (no team to speak of).
    const solo = await anna.context.newPage();
    await solo.goto(anna.extensionUrl('options.html'));
    const asked = solo.waitForEvent('dialog');
    void solo.getByTestId('delete-all').click();
    const dialog = await asked;
    expect(dialog.message()).toBe(de.deleteAllConfirm.message);
    await dialog.accept();
    await expect.poll(() => solo.getByTestId('privacy-status').textContent()).toBe(de.deleted.message);
    await solo.close();
    const page = await connect(anna, 'Anna', 'falsch');
    await page.getByTestId('team-check').click();
    await expect
      .poll(() => page.getByTestId('team-check-result').textContent(), { timeout: 30_000 })
      .toBe(de.teamErrWrongPassword.message);
    await page.getByTestId('team-password').fill(server.password);
    await page.getByTestId('team-connect').click();
    await expect
      .poll(() => page.getByTestId('team-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('idle');
    expect(await page.getByTestId('team-retention-hint').textContent()).toBe(de.teamRetentionHint.message);
    // The privacy papers now name the team server as the recipient (VVT d, Art. 14).
    const host = new URL(server.dbUrl).host;
    await expect
      .poll(() => page.getByTestId('privacy-papers').textContent(), { timeout: 10_000 })
      .toContain(`Der Teamserver der Kommune (${host}`);
    await page.screenshot({ path: '/tmp/lauscher-team-options.png', fullPage: true });
    const benPage = await connect(ben, 'Ben', server.password);
    await benPage.getByTestId('team-connect').click();
    await expect
      .poll(() => benPage.getByTestId('team-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('idle');
  });

  it("Anna's mentions reach Ben; Ben answers in the popup and Anna's mention card says who", async () => {
    const feed = await anna.context.newPage();
    await feed.goto(DEMO_URL);
    const annaRows = await until(
      () => readMentions(anna),
      (rows) => rows.length > 0,
    );
    const benRows = await until(
      () => readMentions(ben),
      (rows) => rows.length >= annaRows.length,
    );
    const key = String(annaRows[0]?.mentionKey);
    expect(benRows.map((r) => r.mentionKey)).toContain(key);

    const popup = await ben.context.newPage();
    await popup.goto(ben.extensionUrl('popup.html'));
    await popup.getByRole('button', { name: de.markAnswered.message }).first().click();
    const answered = await until(
      () => readMentions(ben),
      (rows) => rows.some((r) => r.status === 'answered'),
    );
    const answeredKey = answered.find((r) => r.status === 'answered')?.mentionKey;

    const onAnna = await until(
      () => readMentions(anna),
      (rows) => rows.some((r) => r.mentionKey === answeredKey && r.status === 'answered'),
    );
    expect(onAnna.find((r) => r.mentionKey === answeredKey)).toMatchObject({ answeredBy: 'Ben', statusBy: 'Ben' });
    // The mention card (shared by popup and side panel) says who answered; the popup's top list puts open
    // mentions first, so look at this one in Anna's side panel.
    await anna.worker.evaluate(
      (k) =>
        (
          globalThis as unknown as { chrome: { storage: { session: { set(o: object): Promise<void> } } } }
        ).chrome.storage.session.set({ activeMention: { mentionKey: k } }),
      String(answeredKey),
    );
    const panel = await anna.context.newPage();
    await panel.goto(anna.extensionUrl('sidepanel.html'));
    await expect
      .poll(() => panel.getByTestId('mention-who').allTextContents(), { timeout: 30_000 })
      .toContainEqual(expect.stringMatching(/^beantwortet von Ben, \d{2}:\d{2}$/));
    await panel.screenshot({ path: '/tmp/lauscher-team-sidepanel.png', fullPage: true });
  });

  it('server down: the status says offline, work goes on, and it catches up after reconnecting', async () => {
    const port = server.port;
    await server.close();
    const popup = await anna.context.newPage();
    await popup.goto(anna.extensionUrl('popup.html'));
    await popup.getByRole('button', { name: de.markIgnored.message }).first().click();
    const ignored = await until(
      () => readMentions(anna),
      (rows) => rows.some((r) => r.status === 'ignored'),
    );
    const key = ignored.find((r) => r.status === 'ignored')?.mentionKey;
    const options = await anna.context.newPage();
    await options.goto(anna.extensionUrl('options.html'));
    await expect
      .poll(() => options.getByTestId('team-status-error').textContent(), { timeout: 60_000 })
      .toContain(de.teamErrUnreachable.message);
    // Nothing lost locally.
    expect((await readMentions(anna)).find((r) => r.mentionKey === key)?.status).toBe('ignored');

    server = await startCouchServer({ port });
    await until(
      () => readMentions(ben),
      (rows) => rows.some((r) => r.mentionKey === key && r.status === 'ignored' && r.statusBy === 'Anna'),
      90_000,
    );
  });

  it('the popup filters "von mir" and "vom Team"', async () => {
    // Anna answers one more herself; Ben answered one before.
    const popup = await anna.context.newPage();
    await popup.goto(anna.extensionUrl('popup.html'));
    await popup.getByRole('button', { name: de.markAnswered.message }).first().click();
    const rows = await until(
      () => readMentions(anna),
      (r) => r.some((m) => m.status === 'answered' && m.statusBy === 'Anna'),
    );
    const id = (who: string) =>
      rows
        .filter((m) => m.status === 'answered' && m.statusBy === who)
        .map((m) => String(m.id))
        .sort();
    const mine = id('Anna');
    const team = id('Ben');
    expect(mine.length).toBe(1);
    expect(team.length).toBeGreaterThanOrEqual(1);

    const who = popup.getByTestId('queue-filter-who');
    await expect.poll(() => who.getAttribute('aria-describedby')).toBe('queue-filter-who-hint');
    // Screen readers: named by its label alone, the explanation read as its description.
    expect(await popup.getByRole('combobox', { name: de.teamFilterWho.message, exact: true }).count()).toBe(1);
    expect(await popup.locator('#queue-filter-who-hint').textContent()).toBe(de.teamFilterWhoHint.message);
    await popup.getByTestId('digest-filter-status').selectOption('answered');
    await expect
      .poll(async () => (await cardKeys(popup)).sort(), { timeout: 15_000 })
      .toEqual([...mine, ...team].sort());
    // By keyboard, as an officer would: focus the control and pick "vom Team".
    await who.focus();
    await who.selectOption({ label: de.teamFilterWhoTeam.message });
    await expect.poll(async () => (await cardKeys(popup)).sort(), { timeout: 15_000 }).toEqual(team);
    expect(await popup.getByTestId('mention-who').allTextContents()).toEqual(
      team.map(() => expect.stringMatching(/^beantwortet von Ben, \d{2}:\d{2}$/)),
    );
    await who.selectOption({ label: de.teamFilterWhoMe.message });
    await expect.poll(async () => (await cardKeys(popup)).sort(), { timeout: 15_000 }).toEqual(mine);
    await popup.screenshot({ path: '/tmp/lauscher-team-popup-filter.png', fullPage: true });
    // Ben's popup: the same mentions, the other way round.
    const benPopup = await ben.context.newPage();
    await benPopup.goto(ben.extensionUrl('popup.html'));
    await benPopup.getByTestId('digest-filter-status').selectOption('answered');
    await benPopup.getByTestId('queue-filter-who').selectOption('me');
    const benIds = async (keys: string[]) => {
      const byKey = new Map((await readMentions(ben)).map((m) => [String(m.mentionKey), String(m.id)]));
      return keys.map((k) => byKey.get(k)).sort();
    };
    const keyOf = (ids: string[]) => rows.filter((m) => ids.includes(String(m.id))).map((m) => String(m.mentionKey));
    await expect
      .poll(async () => (await cardKeys(benPopup)).sort(), { timeout: 30_000 })
      .toEqual(await benIds(keyOf(team)));
    await benPopup.getByTestId('queue-filter-who').selectOption('team');
    await expect
      .poll(async () => (await cardKeys(benPopup)).sort(), { timeout: 30_000 })
      .toEqual(await benIds(keyOf(mine)));
    await Promise.all([popup.close(), benPopup.close()]);
  });

  it("the retention purge in Anna's browser deletes the mention on the server and in Ben's", async () => {
    // No open feed tab may log the mention again while it is being aged.
    for (const p of anna.context.pages()) if (p.url().startsWith(DEMO_URL)) await p.close();
    const rows = await readMentions(anna);
    const key = String(rows[rows.length - 1]?.mentionKey);
    const old = Date.now() - 100 * 86_400_000;
    // The mention was last seen 100 days ago (written straight into Anna's log, as an old log would be).
    const page = await anna.context.newPage();
    await page.goto(anna.extensionUrl('popup.html'));
    await page.evaluate(
      ([k, t]) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('lauscher');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const store = req.result.transaction('mentions', 'readwrite').objectStore('mentions');
            const get = store.index('mentionKey').get(k as string);
            get.onsuccess = () => {
              const put = store.put({ ...get.result, firstSeen: t, lastSeen: t, statusChangedAt: t });
              put.onsuccess = () => resolve();
              put.onerror = () => reject(put.error);
            };
          };
        }),
      [key, old] as const,
    );
    await page.close();
    await until(
      () => readMentions(ben),
      (r) => r.some((m) => m.mentionKey === key && m.lastSeen === old),
      60_000,
    );
    expect(await onServer(key)).toBe(200);
    // Anna shortens the retention to 30 days in the options.
    const options = await anna.context.newPage();
    await options.goto(anna.extensionUrl('options.html'));
    await options.getByTestId('retention-days').fill('30');
    await options.getByTestId('retention-days').blur();
    await until(
      () => onServer(key),
      (s) => s === 404,
    );
    await until(
      () => readMentions(ben),
      (r) => !r.some((m) => m.mentionKey === key),
    );
    expect((await readMentions(anna)).some((m) => m.mentionKey === key)).toBe(false);
    // Everything else stays.
    expect((await readMentions(ben)).length).toBe(rows.length - 1);
    await options.close();
  });

  it('"Alles löschen" in Ben\'s browser erases his copy only and switches his sync off until he connects again', async () => {
    const annaCount = (await readMentions(anna)).length;
    const options = await ben.context.newPage();
    await options.goto(ben.extensionUrl('options.html'));
    const dialog = options.waitForEvent('dialog');
    void options.getByTestId('delete-all').click();
    const d = await dialog;
    expect(d.message()).toBe(de.teamEraseConfirm.message);
    await d.accept();
    await expect
      .poll(() => options.getByTestId('privacy-status').textContent(), { timeout: 30_000 })
      .toBe(de.teamErased.message);
    expect(await readMentions(ben)).toEqual([]);
    await expect
      .poll(() => options.getByTestId('team-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('off');
    // Anna's work still reaches the server, but not Ben's emptied log.
    const popup = await anna.context.newPage();
    await popup.goto(anna.extensionUrl('popup.html'));
    await popup.getByRole('button', { name: de.markIgnored.message }).first().click();
    const ignored = await until(
      () => readMentions(anna),
      (r) => r.filter((m) => m.status === 'ignored').length >= 2,
    );
    const key = String(ignored.filter((m) => m.status === 'ignored').at(-1)?.mentionKey);
    await until(
      async () => {
        const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
        const res = await fetch(`${server.dbUrl}/${encodeURIComponent(`mention:${key}`)}`, {
          headers: { Authorization: auth },
        });
        return ((await res.json()) as { status?: string }).status;
      },
      (s) => s === 'ignored',
    );
    expect(await readMentions(ben)).toEqual([]);
    expect(annaCount).toBeGreaterThan(0);
    // Ben connects again: the team log comes back.
    await options.reload();
    await options.getByTestId('team-connect').click();
    await until(
      () => readMentions(ben),
      (r) => r.length === annaCount && r.some((m) => m.mentionKey === key && m.status === 'ignored'),
      60_000,
    );
    await Promise.all([popup.close(), options.close()]);
  });
});
