// Live highlighting figures for issue 4 (`npx tsx scripts/bench.ts highlight`), in ONE headless Chromium run
// (viewport 1280×800) with the built extension (run `npx wxt build` first), every figure on a fresh copy of the same
// generated page (bench/_feed.ts: 2,000 posts with comments, ~1.5 MB text, 300 terms, known planted matches).
//
// - speedupVsMarkJs: time until the whole page is scanned (every match found and handed to the log) and the viewport
//   painted, mark.js 8.11 (the faster of two configurations, on a copy of the page served where Lauscher does not run)
//   ÷ Lauscher. Lauscher's time is main-thread time: the content script's JS from page load until the viewport is
//   painted (a CPU profile of that window), plus the frames that paint the viewport's highlights; its wall time from
//   scan start to painted is recorded beside it (that one also holds the page's own first layout, which the mark.js
//   run does not pay). "Handed to the log" means recorded by the collector per post (terms, topics, snippet source):
//   reading the posts for the log (adapter.extract: author, permalink, time; mention key; snippet) and sending the
//   batch run later, in idle-time slices after the scan. That deferred work is NOT in speedupVsMarkJs; it is measured
//   in its own profile window (painted → the collector's `lauscher:logged` event) as logPhaseJsMs, by the collector's
//   own counter as logExtractMs, and included in speedupVsMarkJsInclExtraction (the larger of the two is used).
//   mark.js runs synchronously, so its main-thread time is its wall time from the call to the painted frame. The
//   term-array configuration is capped (it takes ~98 s) and reported as "> cap"; its recall is measured on the terms
//   it finished.
// - recall: matches Lauscher tracks ÷ matches planted (mark.js's recall for each configuration beside it).
// - mutationTaxRatio: next-frame cost of toggling a class on one element, highlighted page ÷ plain page (medians).
// - incrementalRatio: append 50 posts until highlighted and painted, on the 2,000-post page (scrolled to its end, so
//   they arrive near the viewport) ÷ on the empty page (medians of 5).
// - domMutations: MutationObserver records (childList, attributes, characterData, subtree) from DOMContentLoaded until
//   the scan is idle and painted (+0.5 s); mark.js's records during its run beside it.
// - longTasks: long tasks (> 50 ms) while 2,000 posts stream in at 100 per animation frame, with Lauscher minus
//   without (both raw counts beside it, and Lauscher's longest scan slice).
// The content script's test hooks: `document` receives `lauscher:idle` (detail: JSON of ScanStats) whenever the
// scanner's queue drains, and `lauscher:logged` (detail: JSON of LogStats) whenever the collector has read and sent
// everything recorded (utils/content/start.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_E2E_BUILD, launchLauscher, ROOT } from '../scripts/launch-chromium';
import type { LogStats } from '../utils/content/post-index';
import type { ScanStats } from '../utils/scanner';
import { generateFeed } from './_feed';

const LAUSCHER_URL = 'https://www.facebook.com/groups/bench/';
const LAUSCHER_EMPTY_URL = 'https://www.facebook.com/groups/bench-empty/';
/** Not a host Lauscher runs on: the same page without the extension's content script. */
const PLAIN_URL = 'https://plain.bench.test/full';
const PLAIN_EMPTY_URL = 'https://plain.bench.test/empty';
const MARK_JS = join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');
const TERM_ARRAY_CAP_MS = 30_000;

/** What the content script's test hooks (lauscher:idle / lauscher:logged) carry, stamped with their arrival time. */
type IdleStats = ScanStats & { at: number };
type LoggedStats = LogStats & { at: number };
interface BenchWindow {
  __bench: {
    mutations: number;
    mutationsAtDcl: number;
    dcl: number;
    idle: IdleStats[];
    logged: LoggedStats[];
    longtasks: Array<{ start: number; duration: number }>;
    frames: Array<{ start: number; duration: number }>;
    nextFrame(): Promise<number>;
    settle(): Promise<number>;
    count(): number;
  };
}

/** Installed in every page before its own content: mutation counter, idle events, long tasks, frame helpers. */
function instrument() {
  const b = {
    mutations: 0,
    mutationsAtDcl: -1,
    dcl: 0,
    idle: [] as unknown[],
    logged: [] as unknown[],
    longtasks: [] as Array<{ start: number; duration: number }>,
    frames: [] as Array<{ start: number; duration: number }>,
    // Resolves after the next frame's rendering (style, layout, paint) ran: rAF, then a task queued from it.
    nextFrame: () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now());
          ch.port2.postMessage(0);
        }),
      ),
    settle: async () => {
      await b.nextFrame();
      return b.nextFrame();
    },
    count: () => b.mutations + mo.takeRecords().length,
  };
  const mo = new MutationObserver((records) => {
    b.mutations += records.length;
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => {
    b.mutations = b.count();
    b.mutationsAtDcl = b.mutations;
    b.dcl = performance.now();
  });
  document.addEventListener('lauscher:idle', (e) => {
    b.idle.push({ at: performance.now(), ...JSON.parse(String((e as CustomEvent).detail)) });
  });
  document.addEventListener('lauscher:logged', (e) => {
    b.logged.push({ at: performance.now(), ...JSON.parse(String((e as CustomEvent).detail)) });
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  (window as unknown as { __bench: typeof b }).__bench = b;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples whose stack holds a frame of the extension's content script. */
function contentScriptTime(profile: CpuProfile): number {
  const parent = new Map<number, number>();
  const ours = new Map<number, boolean>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const url = byId.get(id)?.callFrame.url ?? '';
    const p = parent.get(id);
    const v =
      (url.startsWith('chrome-extension://') && url.includes('content-scripts')) || (p !== undefined && isOurs(p));
    ours.set(id, v);
    return v;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) us += profile.timeDeltas[i + 1] ?? 0;
  });
  return us / 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function waitIdle(page: Page, after: number) {
  return page.waitForFunction((n) => (window as unknown as BenchWindow).__bench.idle.length > n, after, {
    timeout: 60_000,
    polling: 20,
  });
}

/** Median next-frame cost of toggling a class on one element near the top. */
function classToggleCost(page: Page, rounds = 31) {
  return page.evaluate(async (n) => {
    const el = document.querySelector('[aria-posinset="2"] .meta') as Element;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      out.push(
        await new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            const t0 = performance.now();
            el.classList.toggle('flag');
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now() - t0);
            ch.port2.postMessage(0);
          }),
        ),
      );
    }
    out.sort((a, b) => a - b);
    return out[Math.floor(n / 2)] as number;
  }, rounds);
}

export default async function run(): Promise<Record<string, unknown>> {
  const began = Date.now();
  const feed = generateFeed();
  const appends = [0, 1, 2, 3, 4].map((k) => feed.more(50, 0x5eed + k, 5001 + k * 50).posts.join(''));
  const stream = feed.more(2000, 0x57ea3, 1).posts;
  console.log(
    `page: ${feed.items} posts/comments, ${(feed.textChars / 1e6).toFixed(2)} MB text, ${feed.terms.length} terms, ${feed.planted} planted matches`,
  );

  const lauscher = await launchLauscher({ build: CHROME_E2E_BUILD, viewport: { width: 1280, height: 800 } });
  const { context } = lauscher;
  const html = (body: string) => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
  await context.route(LAUSCHER_URL, (r) => r.fulfill(html(feed.html)));
  await context.route(PLAIN_URL, (r) => r.fulfill(html(feed.html)));
  await context.route(LAUSCHER_EMPTY_URL, (r) => r.fulfill(html(feed.emptyHtml)));
  await context.route(PLAIN_EMPTY_URL, (r) => r.fulfill(html(feed.emptyHtml)));
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`; functions handed to
  // the page need that helper there.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(instrument);

  // The real profile, through the options storage (key `profile`, as utils/settings.ts defines it).
  await lauscher.worker.evaluate(
    (profile) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        profile,
      }),
    feed.profile,
  );

  const fresh = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  try {
    // --- Lauscher: whole page scanned, handed to the log, viewport painted ---------------------------------------
    const page = await context.newPage();
    // A sampling profile of the run attributes main-thread JS time to the content script (everything it runs: start-up,
    // scan slices, collector, intersection callbacks). Two windows: page load → viewport painted (the scan), then
    // painted → the log batch read and sent (the deferred reading of posts).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await page.goto(LAUSCHER_URL, { waitUntil: 'load' });
    await waitIdle(page, 0);
    const first = await page.evaluate(async () => {
      const b = (window as unknown as BenchWindow).__bench;
      const idle = b.idle[0] as IdleStats;
      // The frames after the drain: intersection callbacks register the near-viewport ranges, the next frame paints.
      const t0 = performance.now();
      const f1 = await b.nextFrame();
      const f2 = await b.nextFrame();
      return { idle, dcl: b.dcl, paintMs: f2 - t0, frameMs: f1 - t0, painted: f2 };
    });
    const { profile } = await cdp.send('Profiler.stop');
    const scanPhaseJsMs = contentScriptTime(profile as CpuProfile);
    await cdp.send('Profiler.start');
    const loggedBefore = await page.evaluate(
      (t) => (window as unknown as BenchWindow).__bench.logged.filter((l) => l.at <= t).length,
      first.painted,
    );
    await page.waitForFunction(
      (n) => {
        const b = (window as unknown as BenchWindow).__bench;
        const last = b.logged.at(-1);
        return b.logged.length > n && last && last.extracted >= 1;
      },
      loggedBefore,
      { timeout: 60_000, polling: 50 },
    );
    await page.waitForTimeout(200);
    const { profile: logProfile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    const logPhaseJsMs = contentScriptTime(logProfile as CpuProfile);
    const logged = (await page.evaluate(() => (window as unknown as BenchWindow).__bench.logged.at(-1))) as LoggedStats;
    const contentScriptJsMs = scanPhaseJsMs + logPhaseJsMs;
    const lauscherRun = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      return { mutations: b.count() - b.mutationsAtDcl, idleEvents: b.idle.length, live: b.idle.at(-1)?.live };
    });
    const stats = first.idle;
    const lauscherWallMs = first.painted - stats.startedAt;
    const lauscherMs = scanPhaseJsMs + first.paintMs;
    const logMs = Math.max(logPhaseJsMs, logged.extractMs);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'bench-highlighted.png') });
    const liveAtTop = (await page.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('lauscher-')) n += (h as Highlight).size;
      return n;
    })) as number;
    const taxWith = await classToggleCost(page);

    // Incremental: 50 posts appended at the end of the 2,000-post page (scrolled there).
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
    const appendCost = async (p: Page) => {
      const costs: number[] = [];
      for (const chunk of appends) {
        const before = await p.evaluate(() => (window as unknown as BenchWindow).__bench.idle.length);
        const t0 = await p.evaluate((h) => {
          const t = performance.now();
          document.getElementById('feed')?.insertAdjacentHTML('beforeend', h);
          return t;
        }, chunk);
        await waitIdle(p, before);
        const t1 = await p.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
        costs.push(t1 - t0);
        await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await p.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
      }
      return median(costs);
    };
    const appendFull = await appendCost(page);
    await page.close();

    const empty = await fresh(LAUSCHER_EMPTY_URL);
    await waitIdle(empty, 0);
    const appendEmpty = await appendCost(empty);
    await empty.close();

    // Page without Lauscher: the class toggle.
    const plain = await fresh(PLAIN_URL);
    await plain.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
    const taxWithout = await classToggleCost(plain);
    await plain.close();

    // --- mark.js, one RegExp alternation ---------------------------------------------------------------------------
    const markRegExp = await (async () => {
      const p = await fresh(PLAIN_URL);
      await p.addScriptTag({ path: MARK_JS });
      await p.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
      const r = await p.evaluate(async (terms) => {
        const b = (window as unknown as BenchWindow).__bench;
        const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const sorted = [...terms].sort((x, y) => y.length - x.length);
        const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map(esc).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
        const m0 = b.count();
        const t0 = performance.now();
        let found = 0;
        // biome-ignore lint/suspicious/noExplicitAny: mark.js has no types here
        new (window as any).Mark(document.body).markRegExp(re, {
          done: (n: number) => {
            found = n;
          },
        });
        const t1 = await b.settle();
        return { ms: t1 - t0, found, mutations: b.count() - m0 };
      }, feed.terms);
      await p.screenshot({ path: join(ROOT, 'test-results', 'bench-markjs.png') });
      await p.close();
      return r;
    })();

    // --- mark.js, the term array (capped) --------------------------------------------------------------------------
    const markTerms = await (async () => {
      const p = await fresh(PLAIN_URL);
      await p.addScriptTag({ path: MARK_JS });
      await p.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
      const r = await p.evaluate(
        async ({ terms, cap }) => {
          const b = (window as unknown as BenchWindow).__bench;
          const perTerm: Record<string, number> = {};
          const order: string[] = [];
          const m0 = b.count();
          const t0 = performance.now();
          const deadline = t0 + cap;
          let found = 0;
          let timedOut = false;
          try {
            // biome-ignore lint/suspicious/noExplicitAny: mark.js has no types here
            new (window as any).Mark(document.body).mark(terms, {
              accuracy: 'exactly',
              diacritics: true,
              separateWordSearch: false,
              filter: (_node: Text, term: string) => {
                if (performance.now() > deadline) throw new Error('cap');
                if (!(term in perTerm)) {
                  perTerm[term] = 0;
                  order.push(term);
                }
                perTerm[term] = (perTerm[term] ?? 0) + 1;
                return true;
              },
              done: (n: number) => {
                found = n;
              },
            });
          } catch {
            timedOut = true;
          }
          const tDone = performance.now();
          const t1 = await b.settle();
          return { ms: t1 - t0, runMs: tDone - t0, timedOut, found, perTerm, order, mutations: b.count() - m0 };
        },
        { terms: feed.terms, cap: TERM_ARRAY_CAP_MS },
      );
      await p.close();
      // Terms finished: every term met except the one it was working on when capped.
      const finished = r.timedOut ? r.order.slice(0, -1) : feed.terms;
      const foundOnFinished = finished.reduce((n, t) => n + (r.perTerm[t] ?? 0), 0);
      const plantedOnFinished = finished.reduce((n, t) => n + (feed.plantedByTerm[t] ?? 0), 0);
      return {
        ...r,
        termsFinished: finished.length,
        recall: plantedOnFinished ? foundOnFinished / plantedOnFinished : Number.NaN,
        estimatedMs: r.timedOut && finished.length ? (r.runMs * feed.terms.length) / finished.length : r.ms,
      };
    })();

    // --- Long tasks while 2,000 posts stream in at 100 per frame ----------------------------------------------------
    const streamIn = async (url: string, withLauscher: boolean) => {
      const p = await fresh(url);
      if (withLauscher) await waitIdle(p, 0);
      await p.evaluate((posts) => {
        (window as unknown as { __stream: string[] }).__stream = posts;
      }, stream);
      await p.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
      const t0 = await p.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const posts = (window as unknown as { __stream: string[] }).__stream;
            const feedEl = document.getElementById('feed') as HTMLElement;
            const start = performance.now();
            let i = 0;
            const step = () => {
              feedEl.insertAdjacentHTML('beforeend', posts.slice(i, i + 100).join(''));
              i += 100;
              if (i < posts.length) requestAnimationFrame(step);
              else {
                (window as unknown as { __streamEnd: number }).__streamEnd = performance.now();
                resolve(start);
              }
            };
            requestAnimationFrame(step);
          }),
      );
      if (withLauscher) {
        await p.waitForFunction(
          () => {
            const end = (window as unknown as { __streamEnd: number }).__streamEnd;
            return (window as unknown as BenchWindow).__bench.idle.some((e) => e.at > end);
          },
          undefined,
          { timeout: 60_000, polling: 50 },
        );
      }
      await p.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
      await p.waitForTimeout(500);
      const r = await p.evaluate((t) => {
        const b = (window as unknown as BenchWindow).__bench;
        const last = b.idle.at(-1);
        return {
          longTasks: b.longtasks.filter((l) => l.start >= t).length,
          longest: Math.max(0, ...b.longtasks.filter((l) => l.start >= t).map((l) => l.duration)),
          maxSliceMs: last?.maxSliceMs ?? 0,
          matches: last?.matches ?? 0,
        };
      }, t0);
      await p.close();
      return r;
    };
    const streamWith = await streamIn(LAUSCHER_EMPTY_URL, true);
    const streamWithout = await streamIn(PLAIN_EMPTY_URL, false);

    const fasterMark = Math.min(markRegExp.ms, markTerms.timedOut ? Number.POSITIVE_INFINITY : markTerms.ms);
    const figures: Record<string, unknown> = {
      // scan + hand to the log + paint; the deferred reading of posts for the log is not in it (see the header)
      'highlight.speedupVsMarkJs': r2(fasterMark / lauscherMs),
      'highlight.speedupVsMarkJsInclExtraction': r2(fasterMark / (lauscherMs + logMs)),
      'highlight.speedupVsMarkJs.wallClock': r2(fasterMark / lauscherWallMs),
      'highlight.lauscherMs': r2(lauscherMs),
      'highlight.lauscherContentScriptJsMs': r2(contentScriptJsMs),
      'highlight.lauscherScanPhaseJsMs': r2(scanPhaseJsMs),
      'highlight.logPhaseJsMs': r2(logPhaseJsMs),
      'highlight.logExtractMs': r2(logged.extractMs),
      'highlight.logSlices': logged.slices,
      'highlight.logItemsRead': logged.extracted,
      'highlight.logMentionsSent': logged.sent,
      'highlight.lauscherScanBusyMs': r2(stats.busyMs),
      'highlight.speedupVsMarkJs.scanOnly': r2(fasterMark / (stats.busyMs + first.paintMs)),
      'highlight.lauscherPaintFramesMs': r2(first.paintMs),
      'highlight.lauscherWallMs': r2(lauscherWallMs),
      'highlight.lauscherSlices': stats.slices,
      'highlight.markJsRegExpMs': r2(markRegExp.ms),
      'highlight.markJsTermArrayMs': markTerms.timedOut
        ? `> ${(TERM_ARRAY_CAP_MS / 1000).toFixed(0)} s (est. ${(markTerms.estimatedMs / 1000).toFixed(0)} s, ${markTerms.termsFinished}/${feed.terms.length} terms done)`
        : r2(markTerms.ms),
      'highlight.recall': r3(stats.matches / feed.planted),
      'highlight.lauscherMatches': stats.matches,
      'highlight.planted': feed.planted,
      'highlight.markJsTermArrayRecall': r3(markTerms.recall),
      'highlight.markJsRegExpRecall': r3(markRegExp.found / feed.planted),
      'highlight.liveRangesAtTop': liveAtTop,
      'highlight.mutationTaxRatio': r2(taxWith / taxWithout),
      'highlight.mutationTaxMs': `${r3(taxWith)} vs ${r3(taxWithout)} without`,
      'highlight.incrementalRatio': r2(appendFull / appendEmpty),
      'highlight.incrementalMs': `${r2(appendFull)} on 2,000 posts vs ${r2(appendEmpty)} on empty`,
      'highlight.domMutations': lauscherRun.mutations,
      'highlight.markJsDomMutations': `${markRegExp.mutations} (RegExp), ${markTerms.mutations} (term array${markTerms.timedOut ? ', capped' : ''})`,
      'highlight.longTasks': Math.max(0, streamWith.longTasks - streamWithout.longTasks),
      'highlight.longTasksRaw': `${streamWith.longTasks} with Lauscher, ${streamWithout.longTasks} without (longest ${r2(streamWith.longest)} / ${r2(streamWithout.longest)} ms)`,
      'highlight.streamMaxSliceMs': r2(streamWith.maxSliceMs),
      'highlight.streamMatches': streamWith.matches,
      'highlight.pageTextMB': r2(feed.textChars / 1e6),
      'highlight.items': feed.items,
      'highlight.benchSeconds': Math.round((Date.now() - began) / 1000),
    };
    return figures;
  } finally {
    await lauscher.close();
  }
}
