// Team sync in the Firefox build (MV2 background page, PouchDB's idb adapter in Firefox's IndexedDB): Firefox ESR
// over WebDriver BiDi, the team server set up in options → Team as a user does it (the click is a real pointer
// click, so Firefox lets the page ask for the server's host permission), a mention logged from the demo feed reaches
// the CouchDB-protocol test server, and a colleague's answer on the server reaches Firefox's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json' with { type: 'json' };
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { DEMO_PAGE } from '../../scripts/launch-chromium';
import { type FirefoxSession, launchFirefox } from '../../scripts/launch-firefox';
import { type CouchServer, startCouchServer } from '../sync/couch-server';

const FEED = 'http://www.facebook.com/groups/musterstadt/';
let server: CouchServer;
let firefox: FirefoxSession;

beforeAll(async () => {
  server = await startCouchServer();
  firefox = await launchFirefox(
    { [FEED]: DEMO_PAGE },
    {
      // The test CouchDB is reached directly on the loopback address; every other host goes to the local proxy.
      'network.proxy.no_proxies_on': '127.0.0.1',
      // Firefox grants an optional permission asked for in a click without its doorhanger (BiDi cannot click it).
      'extensions.webextOptionalPermissionPrompts': false,
    },
  );
}, 120_000);
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    last = await fn();
  }
  return last;
}

const auth = () => `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;

async function serverDoc(key: string): Promise<Record<string, unknown> & { _rev?: string; status?: string }> {
  const res = await fetch(`${server.dbUrl}/${encodeURIComponent(`mention:${key}`)}`, {
    headers: { Authorization: auth() },
  });
  return (await res.json()) as Record<string, unknown>;
}

/** Types into a Preact input in an extension page as a user would (value set, input event fired). */
const fill = (testId: string, value: string) => `(() => {
  const el = document.querySelector('[data-testid="${testId}"]');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, ${JSON.stringify(value)});
  el.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

/** A real pointer click (a trusted user gesture, which permissions.request needs) on an element of `context`. */
async function click(context: string, testId: string) {
  const [x, y] = await firefox.evaluate<[number, number]>(
    `(() => {
      const el = document.querySelector('[data-testid="${testId}"]');
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
    })()`,
    context,
  );
  await firefox.send('browsingContext.activate', { context });
  await firefox.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x, y },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

describe('Firefox ESR: team sync', { timeout: 180_000 }, () => {
  it('options → Team connects; a logged mention reaches the server, a colleague’s answer comes back', async () => {
    const options = await firefox.extensionContext('options.html');
    await poll(
      () => firefox.evaluate<boolean>(`!!document.querySelector('[data-testid="team-connect"]')`, options),
      (v) => v,
    );
    await firefox.evaluate(fill('team-name', 'Anna'), options);
    await firefox.evaluate(fill('team-url', server.dbUrl), options);
    await firefox.evaluate(fill('team-user', server.user), options);
    await firefox.evaluate(fill('team-password', server.password), options);
    await click(options, 'team-connect');
    const state = () =>
      firefox.evaluate<string>(
        `(document.querySelector('[data-testid="team-status"]')?.dataset.state ?? '') + ' | ' +
          (document.querySelector('[data-testid="team-check-result"]')?.textContent ?? '')`,
        options,
      );
    // Extension pages follow Firefox's UI language (English in this headless build).
    expect([de, en].map((l) => `idle | ${l.teamCheckOk.message}`)).toContain(
      await poll(state, (v) => v.startsWith('idle |')),
    );

    await firefox.navigate(FEED);
    const rows = await poll(
      () => firefox.readMentions(),
      (v) => v.length >= 8,
    );
    const key = String(rows[0]?.mentionKey);
    const doc = await poll(
      () => serverDoc(key),
      (d) => d.type === 'mention',
    );
    expect(doc).toMatchObject({ mentionKey: key, platform: 'facebook', status: 'new' });
    expect(String(doc.author)).toMatch(/^Person [0-9A-F]{4}$/);
    // Every logged mention is on the server.
    await poll(
      async () => {
        const res = await fetch(`${server.dbUrl}`, { headers: { Authorization: auth() } });
        return ((await res.json()) as { doc_count: number }).doc_count;
      },
      (n) => n >= rows.length,
    );

    // A colleague answers on another machine (written to the server as their bridge would).
    const answeredAt = Date.now();
    const put = await fetch(`${server.dbUrl}/${encodeURIComponent(`mention:${key}`)}`, {
      method: 'PUT',
      headers: { Authorization: auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...doc,
        status: 'answered',
        statusChangedAt: answeredAt,
        statusBy: 'Ben',
        answeredAt,
        answeredBy: 'Ben',
      }),
    });
    expect(put.status).toBe(201);
    const back = await poll(
      () => firefox.readMentions(),
      (v) => v.some((r) => r.mentionKey === key && r.status === 'answered'),
    );
    expect(back.find((r) => r.mentionKey === key)).toMatchObject({ answeredBy: 'Ben', statusBy: 'Ben' });
  });
});
