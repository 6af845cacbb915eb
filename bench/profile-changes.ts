// Long tasks that come from the team profile (`npx tsx scripts/bench.ts profile-changes`, issue 12: no synchronous
// work over 50 ms in the content script, compile and rescan after a settings change included), measured from the
// page's side in headless Chromium with the e2e build, each against the same page where Lauscher does not run.
//
// Long tasks are the renderer main thread's tasks of 50 ms or more in a Chromium trace: the page's own
// PerformanceObserver misses the tasks that deliver extension events (the old synchronous compile of a 20,000-term
// profile after a settings change, hundreds of ms, never reached it).
//
// - loadLongTasks.<terms>: long tasks from navigation until the scan is idle + 500 ms on a 50-post feed under
//   www.facebook.com, with a profile of that many terms (the bench feed's 300, then made-up words, 2,000 per topic,
//   the most a topic may hold), minus the same window on the page alone. Medians of 3. Goal 0. loadLongestTaskMs: the
//   longest task of those rounds, beside the page alone's (its own parsing and layout).
// - changeLongTasks.<terms>: on the 2,000-post feed, scanned and idle, the profile is switched to one of that many
//   terms: long tasks from the change until the rescan is idle + 500 ms. Goal 0, as changeLongTasksPageAlone (the idle
//   page alone over the longest of those windows). changes: per switch, the time to idle, the rescan's longest slice
//   and the longest task.
import type { Page } from 'playwright-core';
import { CHROME_E2E_BUILD, launchLauscher } from '../scripts/launch-chromium';
import type { ScanStats } from '../utils/scanner';
import type { Profile } from '../utils/settings';
import { generateFeed, madeUpWords } from './_feed';

const SMALL_URL = 'https://www.facebook.com/groups/bench-small/';
const FULL_URL = 'https://www.facebook.com/groups/bench/';
const PLAIN_SMALL_URL = 'https://plain.bench.test/small';
const PLAIN_FULL_URL = 'https://plain.bench.test/full';
const SIZES = [300, 2000, 6000, 20000];
const ROUNDS = 3;
const TERMS_PER_TOPIC = 2000;

interface ProbeWindow {
  __probe: { idle: Array<ScanStats & { at: number }> };
}

function instrument() {
  const p = { idle: [] as unknown[] };
  document.addEventListener('lauscher:idle', (e) => {
    p.idle.push({ at: performance.now(), ...JSON.parse(String((e as CustomEvent).detail)) });
  });
  (window as unknown as { __probe: typeof p }).__probe = p;
}

/** The bench feed's profile grown to `terms` terms with made-up words in extra topics. */
function profileOf(base: Profile, terms: number): Profile {
  const have = base.topics.reduce((n, t) => n + t.terms.length, 0) + 1;
  const extra = madeUpWords(Math.max(0, terms - have));
  const topics = [...base.topics];
  for (let i = 0; i < extra.length; i += TERMS_PER_TOPIC) {
    topics.push({
      id: `extra${i / TERMS_PER_TOPIC}`,
      label: `Weitere ${i / TERMS_PER_TOPIC + 1}`,
      color: 'grey',
      terms: extra.slice(i, i + TERMS_PER_TOPIC),
      exclude: [],
    });
  }
  return { ...base, topics };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

function waitIdle(page: Page, after: number) {
  return page.waitForFunction((n) => (window as unknown as ProbeWindow).__probe.idle.length > n, after, {
    timeout: 120_000,
    polling: 20,
  });
}

/**
 * Main-thread tasks of 50 ms or more while `during` runs, from a Chromium trace of the page's renderer: the
 * PerformanceObserver of the page does not see every one (not the tasks that deliver extension events, such as a
 * storage change, to the content script).
 */
async function tracedLongTasks(page: Page, during: () => Promise<void>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await during();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's main thread: the renderer main thread that ran the most (the extension's own pages are closed).
  const busy = new Map<string, number>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === TASK && mains.has(k)) busy.set(k, (busy.get(k) ?? 0) + (e.dur ?? 0));
  }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.name === TASK && (e.dur ?? 0) >= 50_000)
    .map((e) => (e.dur ?? 0) / 1000);
}

/** A main-thread task in the trace (the 'toplevel' category). */
const TASK = 'ThreadControllerImpl::RunTask';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

export default async function run(): Promise<Record<string, unknown>> {
  const full = generateFeed();
  const small = generateFeed({ posts: 50, seed: 7 });
  const lauscher = await launchLauscher({ build: CHROME_E2E_BUILD, viewport: { width: 1280, height: 800 } });
  const { context } = lauscher;
  const html = (body: string) => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
  await context.route(SMALL_URL, (r) => r.fulfill(html(small.html)));
  await context.route(PLAIN_SMALL_URL, (r) => r.fulfill(html(small.html)));
  await context.route(FULL_URL, (r) => r.fulfill(html(full.html)));
  await context.route(PLAIN_FULL_URL, (r) => r.fulfill(html(full.html)));
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(instrument);
  const out: Record<string, unknown> = {};
  const count = (tasks: number[]) => tasks.length;
  const longest = (tasks: number[]) => r1(Math.max(0, ...tasks));
  try {
    // --- Page load with a profile of each size ---------------------------------------------------------------------
    for (const terms of SIZES) {
      await lauscher.setSetting('profile', profileOf(small.profile, terms));
      const withL: number[][] = [];
      const without: number[][] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const page = await context.newPage();
        let windowMs = 0;
        withL.push(
          await tracedLongTasks(page, async () => {
            await page.goto(SMALL_URL, { waitUntil: 'load' });
            await waitIdle(page, 0);
            await page.waitForTimeout(500);
            windowMs = await page.evaluate(() => performance.now());
          }),
        );
        await page.close();
        const plain = await context.newPage();
        without.push(
          await tracedLongTasks(plain, async () => {
            await plain.goto(PLAIN_SMALL_URL, { waitUntil: 'load' });
            await plain.waitForFunction((t) => performance.now() > t, windowMs, { polling: 50 });
          }),
        );
        await plain.close();
      }
      out[`profile-changes.loadLongTasks.${terms}`] = median(withL.map(count)) - median(without.map(count));
      out[`profile-changes.loadLongestTaskMs.${terms}`] =
        `${longest(withL.flat())} (page alone ${longest(without.flat())})`;
    }

    // --- Settings changes on the scanned 2,000-post page ----------------------------------------------------------
    await lauscher.setSetting('profile', full.profile);
    const page = await context.newPage();
    await page.goto(FULL_URL, { waitUntil: 'load' });
    await waitIdle(page, 0);
    await page.bringToFront();
    await page.waitForTimeout(1000);
    const changes: string[] = [];
    let windowMs = 0;
    for (const terms of [...SIZES.slice(1), 300]) {
      const before = await page.evaluate(() => (window as unknown as ProbeWindow).__probe.idle.length);
      // a new term as well, so that even the 300-term profile differs from the one before it
      const next = profileOf(full.profile, terms);
      next.topics[0]?.terms.push(`Qneu${terms}`);
      let toIdle = 0;
      let maxSlice = 0;
      const tasks = await tracedLongTasks(page, async () => {
        const t0 = await page.evaluate(() => performance.now());
        await lauscher.setSetting('profile', next);
        await waitIdle(page, before);
        const idle = await page.evaluate(() => (window as unknown as ProbeWindow).__probe.idle.at(-1));
        toIdle = (idle?.at ?? Number.NaN) - t0;
        maxSlice = idle?.maxSliceMs ?? Number.NaN;
        await page.waitForTimeout(500);
      });
      windowMs = Math.max(windowMs, toIdle + 500);
      out[`profile-changes.changeLongTasks.${terms}`] = count(tasks);
      changes.push(
        `${terms} terms: ${r1(toIdle)} ms to idle, longest slice ${r1(maxSlice)} ms, longest task ${longest(tasks)} ms`,
      );
    }
    await page.close();
    // The page alone, idle over the longest of those windows: what it does by itself meanwhile.
    const plain = await context.newPage();
    await plain.goto(PLAIN_FULL_URL, { waitUntil: 'load' });
    await plain.waitForTimeout(3000);
    out['profile-changes.changeLongTasksPageAlone'] = count(
      await tracedLongTasks(plain, () => plain.waitForTimeout(windowMs)),
    );
    await plain.close();
    out['profile-changes.changes'] = changes.join('; ');
  } finally {
    await lauscher.close();
  }
  return out;
}
