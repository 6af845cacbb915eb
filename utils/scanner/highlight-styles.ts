// The fixed ::highlight() styles: one name per topic colour slot, one for the town.
//
// Which properties (issue 12, bench/highlight-styles.ts, headless Chromium, the 2,000-post bench feed, 199 ranges
// registered near the top, main-thread CPU per frame after toggling a class on an unrelated element, ÷ the same page
// with no rule and no range; medians of 5 interleaved fresh pages; baseline 29.2 ms CPU on this loaded machine):
//   background-color 1.39 · color 1.35 · both 1.40 · text-decoration underline 1.49 · dotted underline 1.47 ·
//   text-shadow 1.35 · -webkit-text-stroke 1.34.
// A decoration is the dearest property, and nothing needs it: the rules use background-color and color only. The
// ~200 ms-per-frame PrePaint cost the issue measured for an underline with 27 ranges did not reproduce here.
//
// Where the rules apply costs more than what they say. `::highlight(x)` is `*::highlight(x)`: every element of the
// page gets a highlight pseudo style, and every later frame's pre-paint walk of a big page pays for it whether or not
// a range is registered (same feed, class-toggle frame CPU, 27 ranges, medians of 4 pages: no rule 23.6 ms, the
// universal rule 29.4 ms = 1.25×, `:root::highlight(x)` 24.6 ms = 1.04×; `npm run bench` highlight-styles with 199
// ranges, ÷ no rule: background-color+color universal 1.60×, on :root 1.18×). Chromium's highlight inheritance carries the
// root's highlight styles down to every descendant's text, so in Chromium the document gets `:root::highlight()`.
// Firefox gets the universal form (its highlight inheritance is not what we can rely on), and so do shadow roots
// (`:root` matches nothing there; they are small).
//
// The town stays distinguishable without an underline by its own colours (lemon-yellow background, dark brown
// text; no topic slot is yellow, amber is orange); for colour-blind staff the colour never carries the meaning alone:
// the tooltip names the town or the topic and the term, and popup and side panel show the topic chip with its label.
import { COLOR_SLOTS, type ColorSlot, MUNICIPALITY_COLOR, MUNICIPALITY_TEXT_COLOR, SLOT_COLORS } from '../labels';

export { SLOT_COLORS };

export const MUNICIPALITY_HIGHLIGHT = 'lauscher-municipality';
export const highlightName = (slot: ColorSlot) => `lauscher-${slot}`;
export const ALL_HIGHLIGHT_NAMES = [MUNICIPALITY_HIGHLIGHT, ...COLOR_SLOTS.map(highlightName)];

/**
 * The fixed stylesheet: every name exists from the start, so a new topic colour never adds a ::highlight rule to a
 * loaded page (measured: 1.5–2.6 s per rule on a big feed).
 *
 * Only `background-color` and `color`; the town used to be underlined. See the measurement at the top of this file.
 */
export function highlightCss(scope: ':root' | '' = ''): string {
  const rules = COLOR_SLOTS.map(
    (slot) => `${scope}::highlight(${highlightName(slot)}){background-color:${SLOT_COLORS[slot]};color:#111}`,
  );
  rules.push(
    `${scope}::highlight(${MUNICIPALITY_HIGHLIGHT}){background-color:${MUNICIPALITY_COLOR};color:${MUNICIPALITY_TEXT_COLOR}}`,
  );
  return rules.join('\n');
}

/** Chromium's highlight inheritance lets one rule on the root style every text below it (see the top of this file). */
const ROOT_SCOPED = !import.meta.env.FIREFOX;

/** Adopts the stylesheet into a document or shadow root without adding elements to it. */
export function adoptHighlightStyles(target: Document | ShadowRoot): void {
  const css = highlightCss(ROOT_SCOPED && target.nodeType === Node.DOCUMENT_NODE ? ':root' : '');
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  } catch {
    // Engines that refuse constructed sheets from an extension world get a <style> instead.
    const style = (target instanceof Document ? target : target.ownerDocument).createElement('style');
    style.textContent = css;
    (target instanceof Document ? target.documentElement : target).append(style);
  }
}
