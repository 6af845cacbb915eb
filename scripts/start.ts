// `npm start`: builds Lauscher and opens Chromium with it on the bundled demo feed of the fictional town
// "Musterstadt", served under https://www.facebook.com/groups/musterstadt/ from a local file (no account, no
// network). With a display it opens a window and waits until you close it; without one (DISPLAY unset) it runs
// headless, saves screenshots of the highlighted page, the popup and the side panel, and prints the digest.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, DEMO_PAGE, DEMO_URL, launchLauscher, ROOT, readMentions } from './launch-chromium';

if (!existsSync(CHROMIUM_PATH)) {
  console.error(
    `Chromium was not found at ${CHROMIUM_PATH}. On Debian: sudo apt-get install -y chromium chromium-l10n\n` +
      '(or set CHROMIUM_PATH to another Chromium or Chrome binary).',
  );
  process.exit(1);
}

console.log('▶ Building the extension (wxt build) …');
execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });

const headless = !process.env.DISPLAY;
const lauscher = await launchLauscher({ headless });
await lauscher.serve(DEMO_URL, DEMO_PAGE);
const page = await lauscher.context.newPage();
await page.goto(DEMO_URL);
await page.waitForFunction(() => (CSS.highlights.get('lauscher-municipality')?.size ?? 0) > 0, undefined, {
  timeout: 20_000,
});

if (!headless) {
  const popup = await lauscher.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(lauscher.extensionUrl('popup.html'));
  await page.bringToFront();
  console.log(`\nLauscher is running on the demo feed: ${DEMO_URL}`);
  console.log('The second tab shows the popup (the daily digest). Close the browser window to finish.');
  await new Promise<void>((resolve) => lauscher.context.on('close', () => resolve()));
  process.exit(0);
}

const outDir = join(ROOT, '.demo');
mkdirSync(outDir, { recursive: true });
// Scroll once through the feed, as a reader would: it loads more posts and everything gets logged.
for (let i = 0; i < 8; i++) {
  await page.mouse.wheel(0, 700);
  await page.waitForTimeout(250);
}
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(800);
// Point at a highlight, as a user would, so the screenshot shows the tooltip too.
const spot = await page.evaluate(() => {
  const range = [...((CSS.highlights.get('lauscher-amber') as Highlight | undefined) ?? [])][0] as Range | undefined;
  const rect = range?.getBoundingClientRect();
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
});
if (spot) {
  await page.mouse.move(spot.x - 30, spot.y + 120);
  await page.mouse.move(spot.x, spot.y, { steps: 4 });
  await page.waitForTimeout(400);
}
await page.screenshot({ path: join(outDir, 'demo-feed.png') });

const popup = await lauscher.context.newPage();
await popup.setViewportSize({ width: 400, height: 700 });
await popup.goto(lauscher.extensionUrl('popup.html'));
await popup.getByTestId('digest-today-count').waitFor();
await popup.waitForTimeout(500);
await popup.screenshot({ path: join(outDir, 'popup.png') });

const panel = await lauscher.context.newPage();
await panel.setViewportSize({ width: 420, height: 800 });
await panel.goto(lauscher.extensionUrl('sidepanel.html'));
await panel.getByTestId('template-item').first().waitFor();
await panel.screenshot({ path: join(outDir, 'sidepanel.png') });

const mentions = await readMentions(lauscher, popup);
const today = await popup.getByTestId('digest-today-count').textContent();
const byTopic = await popup.locator('[data-testid="digest-by-topic"] li').allInnerTexts();
console.log('\n=== Lauscher – Tagesüberblick (Demo: Musterstadt) ===');
console.log(`Erwähnungen heute: ${today}`);
for (const line of byTopic) console.log(line.replace(/\s*\n\s*/g, ': '));
console.log('\nZu bearbeiten (dringend zuerst):');
for (const snippet of (await popup.locator('[data-testid="mention-item"] blockquote').allInnerTexts()).slice(0, 5)) {
  console.log(`  – ${snippet}`);
}
console.log(`\n${mentions.length} Erwähnungen im Protokoll (IndexedDB der Erweiterung).`);
console.log(`Screenshots: ${outDir}/demo-feed.png, popup.png, sidepanel.png`);
await lauscher.close();
