// Accessibility of every page and of the in-page UI, in real Chromium: the accessibility tree (Playwright's ARIA
// snapshot) names every control, every control is reached by Tab, and each one's focus indicator has at least 3:1
// contrast against the background behind it, in light and dark mode (WCAG 2.2 1.4.11 / 2.4.7, BITV 2.0).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_E2E_BUILD, DEMO_PAGE, DEMO_URL, type Lauscher, launchLauscher } from '../../scripts/launch-chromium';

let lauscher: Lauscher;

/** Lines of an ARIA snapshot naming a control without an accessible name ("- button" with nothing quoted). */
function unnamedControls(snapshot: string): string[] {
  const roles = 'button|link|textbox|checkbox|combobox|switch|radio|slider|spinbutton|listbox|menuitem|tab';
  return snapshot.split('\n').filter((line) => new RegExp(`^\\s*- (${roles})(\\s*\\[[^\\]]*\\])*:?\\s*$`).test(line));
}

interface FocusStop {
  what: string;
  outline: string;
  width: number;
  ratio: number;
}

/**
 * Presses Tab up to `max` times and measures each focused control's outline against the first opaque background
 * behind it (through shadow roots). Stops when focus comes back round to a control already measured.
 */
function tabThrough(page: Page, max = 60): Promise<FocusStop[]> {
  return (async () => {
    const stops: FocusStop[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (!el || el === document.body) return null;
        const w = window as unknown as { __stops?: Set<Element> };
        w.__stops ??= new Set();
        // A date input keeps focus while Tab walks its day/month/year fields: the same control again, not a cycle.
        const last = (window as unknown as { __last?: Element }).__last;
        if (el === last) return null;
        (window as unknown as { __last?: Element }).__last = el;
        if (w.__stops.has(el)) return 'again' as const;
        w.__stops.add(el);
        const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r = 0, g = 0, b = 0]: number[]) => {
          const f = (v: number) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const style = getComputedStyle(el);
        // The background the ring is drawn on: the nearest opaque background of an ancestor (the ring sits outside
        // the control, offset from it), crossing shadow roots; the canvas colour at the top.
        let bg = '';
        for (let up: Node | null = el.parentNode; up; ) {
          if (up instanceof Element) {
            const c = getComputedStyle(up).backgroundColor;
            const a = parse(c)[3];
            if (c && c !== 'transparent' && (a === undefined || a > 0.9)) {
              bg = c;
              break;
            }
            up = up.parentNode;
          } else if (up instanceof ShadowRoot) up = up.host;
          else up = null;
        }
        if (!bg) bg = matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)';
        const a = lum(parse(style.outlineColor));
        const b = lum(parse(bg));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
        return {
          what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`,
          outline: `${style.outlineStyle} ${style.outlineColor} on ${bg}`,
          width: style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth),
          ratio: Math.round(ratio * 100) / 100,
        };
      });
      if (!stop) continue;
      if (stop === 'again') break;
      stops.push(stop);
    }
    return stops;
  })();
}

beforeAll(async () => {
  lauscher = await launchLauscher({ build: CHROME_E2E_BUILD });
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

describe('accessibility', () => {
  for (const file of ['popup.html', 'sidepanel.html', 'options.html'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${file} (${scheme}): every control named, reached by Tab, with a focus ring of at least 3:1`, async () => {
        const page = await lauscher.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(lauscher.extensionUrl(file));
        await page.waitForSelector('main, h1', { timeout: 15_000 });
        await page.waitForTimeout(500); // settings and the log are read asynchronously
        const snapshot = await page.locator('body').ariaSnapshot();
        expect(snapshot).toMatch(/- heading "[^"]+" \[level=1\]/);
        expect(unnamedControls(snapshot)).toEqual([]);
        const stops = await tabThrough(page);
        expect(stops.length).toBeGreaterThan(0);
        // Every interactive control in the tree was reached by Tab (disabled ones are skipped by design).
        const controls = await page
          .locator('button:not([disabled]), a[href], input:not([disabled]), select, textarea, [tabindex="0"]')
          .filter({ visible: true })
          .count();
        if (stops.length < 60) expect(stops.length).toBeGreaterThanOrEqual(Math.min(controls, 60) - 1);
        console.info(
          `[a11y] ${file} ${scheme}: ${stops.length} stops, lowest ring contrast ${Math.min(...stops.map((s) => s.ratio))}:1`,
        );
        const weak = stops.filter((s) => s.width < 2 || s.ratio < 3);
        expect(weak).toEqual([]);
        if (scheme === 'dark' && file === 'popup.html') {
          await page.screenshot({ path: `test-results/a11y-${file}-${scheme}.png` });
        }
        await page.close();
      });
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`the in-page UI (${scheme}): tooltip and live region in the accessibility tree, focus rings of at least 3:1`, async () => {
      const feed = await lauscher.context.newPage();
      await feed.emulateMedia({ colorScheme: scheme });
      await feed.goto(DEMO_URL);
      await feed.waitForFunction(
        () => ((CSS.highlights.get('lauscher-amber') as Highlight | undefined)?.size ?? 0) > 0,
      );
      await feed.bringToFront();
      const status = feed.getByRole('status', { name: 'Lauscher-Ansagen' });
      // The second mention: the first is the group's name in the page header, which is in no post (no buttons).
      for (const n of [1, 2]) {
        await lauscher.worker.evaluate(() =>
          (globalThis as unknown as { lauscherRunCommand(c: string): Promise<void> }).lauscherRunCommand('nav-next'),
        );
        await expect
          .poll(() => status.textContent(), { timeout: 10_000 })
          .toMatch(new RegExp(`^Erwähnung ${n} von \\d+: `));
      }
      const ui = await feed.locator('lauscher-ui').evaluateAll((hosts) => hosts.length);
      expect(ui).toBe(2); // the tooltip's host and the navigator's, both outside <body>
      const tip = feed.getByRole('dialog', { name: 'Lauscher' });
      await expect.poll(() => tip.isVisible()).toBe(true);
      const snapshot = await tip.ariaSnapshot();
      expect(snapshot).toContain('- button "In Seitenleiste öffnen"');
      expect(snapshot).toContain('- button "Diesen Beitrag ignorieren"');
      expect(unnamedControls(snapshot)).toEqual([]);
      // Laid out at its content's width and inside the viewport (its host is a 0×0 layout boundary).
      const tipBox = await tip.boundingBox();
      expect(tipBox?.width).toBeGreaterThan(250);
      expect(tipBox?.width).toBeLessThanOrEqual(320);
      expect((tipBox?.x ?? -1) >= 0 && (tipBox?.y ?? -1) >= 0).toBe(true);
      expect(await status.ariaSnapshot()).toMatch(/- status "Lauscher-Ansagen": "?Erwähnung 2 von \d+/);
      // Into the tooltip by keyboard: its buttons' rings against the tooltip's background.
      await feed.keyboard.press('Alt+ArrowDown');
      const ring = () =>
        feed.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          const box = el?.closest('.tip') as Element;
          const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
          const lum = ([r = 0, g = 0, b = 0]: number[]) => {
            const f = (v: number) => {
              const s = v / 255;
              return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const a = lum(parse(getComputedStyle(el as Element).outlineColor));
          const b = lum(parse(getComputedStyle(box).backgroundColor));
          return {
            text: el?.textContent,
            width: Number.parseFloat(getComputedStyle(el as Element).outlineWidth),
            ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          };
        });
      const rings = [await ring()];
      await feed.keyboard.press('Tab');
      rings.push(await ring());
      expect(rings.map((r) => r.text)).toEqual(['In Seitenleiste öffnen', 'Diesen Beitrag ignorieren']);
      for (const r of rings) {
        expect(r.width).toBeGreaterThanOrEqual(2);
        expect(r.ratio).toBeGreaterThanOrEqual(3);
      }
      // The navigator's outline: a dark ring inside a white one, so one of them has 3:1 on any page background.
      const outline = await feed.evaluate(() => {
        const host = document.querySelector('lauscher-ui[data-lauscher="navigator"]');
        const el = host?.shadowRoot?.querySelector('.outline') as Element;
        const s = getComputedStyle(el);
        return { border: s.borderTopColor, width: Number.parseFloat(s.borderTopWidth), shadow: s.boxShadow };
      });
      expect(outline.border).toBe('rgb(11, 87, 208)'); // #0b57d0: 6.6:1 on white
      expect(outline.width).toBeGreaterThanOrEqual(3);
      expect(outline.shadow).toContain('rgb(255, 255, 255)'); // white ring: 3:1 on dark pages
      await feed.screenshot({ path: `test-results/a11y-inpage-${scheme}.png` });
      await feed.close();
    });
  }
});
