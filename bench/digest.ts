// The popup's digest (issue 15, `npx tsx scripts/bench.ts digest`), measured in headless Chromium on its own
// IndexedDB: bench/_digest-page.ts is bundled and run in a page of a routed origin, nothing leaves the machine.
// - digestQueryRatio: the digest as the popup asks for it (utils/digest/load.ts: day counts per topic and platform,
//   7-day trend, open/urgent/overdue counts, the first page of 50 of the ranked queue, this week's response
//   figures) at 100,000 mentions ÷ at 1,000 (target ≤ 5). Both logs hold the same last 7 days (850 mentions, half of
//   them open); the older history is handled (answered or ignored), as a team that works its queue leaves it.
// - digestDenseRatio: 100,000 mentions spread evenly over 90 days (~1,100 a day) ÷ the 1,000 log (target ≤ 5). The
//   last week itself holds ~7,800 (3,900 open), nine times the 1k log's: what the popup shows grows with it.
// - digest*ByRows: the same digest computed from the rows (every open row read and ranked: the way before schema v3,
//   still the fallback), for comparison.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../scripts/launch-chromium';
import type { DigestFigures } from './_digest-page';

const ORIGIN = 'https://digest-bench.lauscher.example';
const ROUNDS = 15;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export default async function run(): Promise<Record<string, unknown>> {
  const bundle = await build({
    entryPoints: [new URL('./_digest-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    minify: true,
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    // The bench's rows use local days, the digest Berlin days: the same zone, as for the officers.
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'de-DE' });
    await context.route('**/*', (r) =>
      r.request().url().startsWith(ORIGIN)
        ? r.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: '<!doctype html><title>digest</title>',
          })
        : r.abort(),
    );
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({ content: script });
    const f = await page.evaluate(
      (rounds) =>
        (globalThis as unknown as { digestBench: { run(n: number): Promise<DigestFigures> } }).digestBench.run(rounds),
      ROUNDS,
    );
    return {
      digestQueryRatio: round(f.ms100k / f.ms1k),
      digestDenseRatio: round(f.msDense100k / f.ms1k),
      digestMs1k: round(f.ms1k),
      digestMs100k: round(f.ms100k),
      digestMsDense100k: round(f.msDense100k),
      digestDenseRatioByRows: round(f.msDense100kByRows / f.ms1kByRows),
      digestMs1kByRows: round(f.ms1kByRows),
      digestMsDense100kByRows: round(f.msDense100kByRows),
      digestQueue100k: f.queue100k,
      digestOpenDense100k: f.openDense100k,
      fill100kSeconds: round(f.fillSeconds),
    };
  } finally {
    await browser.close();
  }
}
