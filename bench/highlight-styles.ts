// Frame cost of each property a `::highlight()` rule may use (`npx tsx scripts/bench.ts highlight-styles`), issue 12
// item 1. One headless Chromium, the generated 2,000-post feed (bench/_feed.ts) served where Lauscher does not run,
// with one ::highlight rule in the page's own <head> (rules added after load are slow, see REAL-BROWSER.md) and, from
// the page's world, ranges registered for the planted matches of the first 40 posts (~300: about what Lauscher keeps
// registered near the viewport). Figure per property: the main-thread CPU time (CDP `ThreadTime`) per frame after
// toggling a class on an unrelated element ÷ the same on the same page with no ::highlight rule and no range (medians
// of five interleaved rounds, each a fresh page). The rule is universal (`::highlight(bench)`) except in the case
// named `:root …`, which is how Lauscher's Chromium build writes it. CPU time, not the wall clock: on this shared machine a frame's wall time
// mostly measures other processes.
import type { CDPSession, Page } from 'playwright-core';
import { CHROME_E2E_BUILD, launchLauscher } from '../scripts/launch-chromium';
import { generateFeed } from './_feed';

const PLAIN = 'https://styles.bench.test/';

/** The property sets measured: Lauscher's own rule shapes first, then each candidate alone. */
export const STYLE_CASES: Record<string, string> = {
  'background-color': 'background-color:#fff06a',
  color: 'color:#5b2a00',
  'background-color+color': 'background-color:#fff06a;color:#111',
  'text-decoration underline': 'text-decoration:underline 2px #b07d00',
  'text-decoration dotted': 'text-decoration:underline dotted #b07d00',
  'text-shadow': 'text-shadow:0 0 1px #b07d00',
  '-webkit-text-stroke': '-webkit-text-stroke:0.3px #5b2a00',
  // What Lauscher's Chromium build uses: the same properties on the root only (highlight inheritance does the rest).
  ':root background-color+color': 'background-color:#fff06a;color:#111',
};

/** The originating-element selector of a case's rule: universal unless the case name says `:root`. */
const scopeOf = (name: string) => (name.startsWith(':root ') ? ':root' : '');

async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

/** Main-thread CPU per class toggle and its frame. */
async function toggleCpu(page: Page, rounds: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const c0 = await threadMs(cdp);
  await toggleCost(page, rounds);
  const ms = ((await threadMs(cdp)) - c0) / rounds;
  await cdp.detach();
  return ms;
}

function toggleCost(page: Page, rounds: number) {
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

/** Registers a range for every planted term in the first `posts` posts (page world; terms from the feed). */
function registerRanges(page: Page, terms: string[], posts: number) {
  return page.evaluate(
    ({ terms, posts }) => {
      const h = new Highlight();
      CSS.highlights.set('bench', h);
      const set = new Set(terms);
      const re = /[\p{L}\p{N}]+/gu;
      for (let p = 1; p <= posts; p++) {
        const post = document.querySelector(`[aria-posinset="${p}"]`);
        if (!post) continue;
        const walker = document.createTreeWalker(post, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (const m of node.data.matchAll(re)) {
            if (!set.has(m[0])) continue;
            const r = document.createRange();
            r.setStart(node, m.index);
            r.setEnd(node, m.index + m[0].length);
            h.add(r);
          }
        }
      }
      return h.size;
    },
    { terms, posts },
  );
}

export default async function run(): Promise<Record<string, unknown>> {
  const feed = generateFeed();
  const lauscher = await launchLauscher({ build: CHROME_E2E_BUILD, viewport: { width: 1280, height: 800 } });
  const { context } = lauscher;
  await context.route(`${PLAIN}**`, (r) => {
    const name = decodeURIComponent(new URL(r.request().url()).searchParams.get('p') ?? '');
    const rule = STYLE_CASES[name] ? `<style>${scopeOf(name)}::highlight(bench){${STYLE_CASES[name]}}</style>` : '';
    return r.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: feed.html.replace('</head>', `${rule}</head>`),
    });
  });
  const figures: Record<string, unknown> = {};
  try {
    const measure = async (name: string, withRanges: boolean) => {
      const page = await context.newPage();
      await page.goto(`${PLAIN}?p=${encodeURIComponent(name)}`, { waitUntil: 'load' });
      const ranges = withRanges ? await registerRanges(page, feed.terms, 40) : 0;
      await toggleCost(page, 5); // warm-up: the first frames after registering paint the highlights
      const ms = await toggleCpu(page, 21);
      await page.close();
      return { ms, ranges };
    };
    // Baseline and cases interleaved, five rounds: medians per case against the median baseline.
    const base: number[] = [];
    const byCase: Record<string, number[]> = {};
    let ranges = 0;
    for (let round = 0; round < 5; round++) {
      base.push((await measure('', false)).ms);
      for (const name of Object.keys(STYLE_CASES)) {
        const r = await measure(name, true);
        ranges = r.ranges;
        byCase[name] = [...(byCase[name] ?? []), r.ms];
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
    const b = med(base);
    figures['styles.rangesRegistered'] = ranges;
    figures['styles.baselineToggleCpuMs'] = Math.round(b * 100) / 100;
    for (const [name, xs] of Object.entries(byCase)) {
      figures[`styles.toggleRatio.${name}`] = Math.round((med(xs) / b) * 100) / 100;
      figures[`styles.toggleCpuMs.${name}`] = Math.round(med(xs) * 100) / 100;
    }
    return figures;
  } finally {
    await lauscher.close();
  }
}
