import { COLOR_SLOTS, type ColorSlot } from '../settings';

export const MUNICIPALITY_HIGHLIGHT = 'lauscher-municipality';
export const highlightName = (slot: ColorSlot) => `lauscher-${slot}`;
export const ALL_HIGHLIGHT_NAMES = [MUNICIPALITY_HIGHLIGHT, ...COLOR_SLOTS.map(highlightName)];

/** Background colours chosen to keep dark text readable on light and dark sites alike. */
export const SLOT_COLORS: Record<ColorSlot, string> = {
  // Orange rather than yellow: lemon yellow is the town's (MUNICIPALITY_COLORS).
  amber: '#ffb347',
  blue: '#8cc8ff',
  green: '#9be39b',
  pink: '#ffb0d8',
  violet: '#cdb4ff',
  teal: '#7fe0d6',
  red: '#ff9c94',
  grey: '#d6d6d6',
};

/**
 * The town: lemon yellow (no topic slot is yellow) with dark brown text where topics have near-black text. Colour
 * alone never carries the meaning: the tooltip names the town or the topic, and popup and side panel show the topic
 * chip with its label.
 */
export const MUNICIPALITY_COLORS = { background: '#fff06a', text: '#4a2600' };

/**
 * The fixed stylesheet: every name exists from the start, so a new topic colour never adds a ::highlight rule to a
 * loaded page (measured: 1.5–2.6 s per rule on a big feed).
 *
 * Only `background-color` and `color`, no `text-decoration` (the town used to be underlined). Measured in issue 12
 * (bench/highlight-styles.ts: 2,000-post feed, ~200 ranges registered, frame after toggling an unrelated class, ratio
 * to the page with no range registered): see the figures below; a decoration also sends every frame after any class
 * change through PrePaint for all registered ranges (REAL-BROWSER.md: ~200 ms with 27 ranges on the same page).
 * FIGURES
 */
export function highlightCss(): string {
  const rules = COLOR_SLOTS.map(
    (slot) => `::highlight(${highlightName(slot)}){background-color:${SLOT_COLORS[slot]};color:#111}`,
  );
  rules.push(
    `::highlight(${MUNICIPALITY_HIGHLIGHT}){background-color:${MUNICIPALITY_COLORS.background};color:${MUNICIPALITY_COLORS.text}}`,
  );
  return rules.join('\n');
}

/** Adopts the stylesheet into a document or shadow root without adding elements to it. */
export function adoptHighlightStyles(target: Document | ShadowRoot): void {
  const css = highlightCss();
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
