// Drives Firefox ESR over WebDriver BiDi (no geckodriver): a temporary install of the built Firefox extension, and
// a tiny local HTTP proxy that serves local files under real hostnames. Used by the Firefox smoke test.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './launch-chromium';

export const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'lauscher@kommune.example';
/** Fixed internal UUID so extension pages have a known moz-extension:// origin. */
export const EXTENSION_UUID = '5a3c1e4e-7b1f-4c55-9a9e-1c0ffee00001';

export interface FirefoxSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  context: string;
  /** Evaluates an expression in the top-level page (or another browsing context) and returns its JSON value. */
  evaluate<T>(expression: string, context?: string): Promise<T>;
  /** The browsing context showing an extension page (Firefox will not navigate to one over BiDi). */
  extensionContext(page: string): Promise<string>;
  /**
   * Every row of the extension's mention log, read from IndexedDB in an extension page's realm (the first-run
   * settings tab: BiDi cannot navigate to moz-extension:// pages, but it can evaluate in one the extension opened).
   */
  readMentions(): Promise<Array<Record<string, unknown>>>;
  navigate(url: string): Promise<void>;
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

/** Runs in an extension page: all rows of the `mentions` store of the `lauscher` database, as JSON. */
const READ_MENTIONS = `new Promise((resolve, reject) => {
  const req = indexedDB.open('lauscher');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('mentions')) {
      db.close();
      return resolve('[]');
    }
    const all = db.transaction('mentions').objectStore('mentions').getAll();
    all.onsuccess = () => {
      db.close();
      resolve(JSON.stringify(all.result));
    };
    all.onerror = () => reject(all.error);
  };
})`;

/** HTTP proxy answering every request with the file routed for its URL (or 404): nothing leaves the machine. */
function startProxy(routes: Record<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const file = routes[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function bidiValue(v: { type: string; value?: unknown }): unknown {
  switch (v.type) {
    case 'array':
      return (v.value as Array<{ type: string; value?: unknown }>).map(bidiValue);
    case 'object':
      return Object.fromEntries(
        (v.value as Array<[string, { type: string; value?: unknown }]>).map(([k, x]) => [k, bidiValue(x)]),
      );
    case 'undefined':
    case 'null':
      return null;
    default:
      return v.value;
  }
}

export async function launchFirefox(
  routes: Record<string, string>,
  /** Extra profile preferences (e.g. a test server on the loopback address reached directly, not by the proxy). */
  extraPrefs: Record<string, unknown> = {},
): Promise<FirefoxSession> {
  const proxy = await startProxy(routes);
  const proxyPort = (proxy.address() as AddressInfo).port;
  const profile = mkdtempSync(join(tmpdir(), 'lauscher-firefox-'));
  const prefs: Record<string, unknown> = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // The fixture is served over http: keep Firefox from upgrading preloaded HSTS hosts such as facebook.com.
    'network.stricttransportsecurity.preloadlist': false,
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    'intl.locale.requested': 'de',
    // Extension and page console output goes to Firefox's stdout (shown when FIREFOX_LOG is set).
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.enabled': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    ...extraPrefs,
  };
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const proc: ChildProcess = spawn(
    FIREFOX_PATH,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stderr?.on('data', onData);
    proc.stdout?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${log}`)));
    if (process.env.FIREFOX_LOG) {
      proc.stderr?.on('data', (c: Buffer) => process.stderr.write(c));
      proc.stdout?.on('data', (c: Buffer) => process.stderr.write(c));
    }
  });

  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (msg.id === undefined) return;
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.type === 'error') w?.reject(new Error(`${msg.error}: ${msg.message}`));
    else w?.resolve(msg.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });

  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_BUILD } });
  // A tab of our own: the first-run settings tab may take over the initial one.
  const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
  if (!context) throw new Error('Firefox has no browsing context');

  const session: FirefoxSession = {
    send,
    context,
    async evaluate<T>(expression: string, target = context) {
      const r = await send<{
        type: string;
        result?: { type: string; value?: unknown };
        exceptionDetails?: { text: string };
      }>('script.evaluate', { expression, target: { context: target }, awaitPromise: true, resultOwnership: 'none' });
      if (r.type === 'exception') throw new Error(r.exceptionDetails?.text ?? 'evaluation failed');
      return bidiValue(r.result ?? { type: 'undefined' }) as T;
    },
    async navigate(url: string) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    extensionUrl: (page) => `moz-extension://${EXTENSION_UUID}/${page}`,
    async extensionContext(page: string) {
      const url = `moz-extension://${EXTENSION_UUID}/${page}`;
      for (let i = 0; i < 80; i++) {
        const t = await send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {});
        const hit = t.contexts.find((c) => c.url.startsWith(url));
        if (hit) return hit.context;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`no tab shows ${url}`);
    },
    async readMentions() {
      const target = await session.extensionContext('options.html');
      const json = await session.evaluate<string>(READ_MENTIONS, target);
      return JSON.parse(json) as Array<Record<string, unknown>>;
    },
    async close() {
      await send('session.end').catch(() => undefined);
      ws.close();
      proc.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      proxy.close();
      if (!process.env.KEEP_PROFILE) rmSync(profile, { recursive: true, force: true });
      else console.log('profile', profile);
    },
  };
  return session;
}
