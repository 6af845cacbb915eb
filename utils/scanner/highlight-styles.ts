import { COLOR_SLOTS, type ColorSlot, MUNICIPALITY_COLOR, SLOT_COLORS } from '../labels';

export { SLOT_COLORS };

export const MUNICIPALITY_HIGHLIGHT = 'lauscher-municipality';
export const highlightName = (slot: ColorSlot) => `lauscher-${slot}`;
export const ALL_HIGHLIGHT_NAMES = [MUNICIPALITY_HIGHLIGHT, ...COLOR_SLOTS.map(highlightName)];

/**
 * The fixed stylesheet: every name exists from the start, so a new topic colour never adds a ::highlight rule to a
 * loaded page (measured: 1.5–2.6 s per rule on a big feed).
 */
export function highlightCss(): string {
  const rules = COLOR_SLOTS.map(
    (slot) => `::highlight(${highlightName(slot)}){background-color:${SLOT_COLORS[slot]};color:#111}`,
  );
  rules.push(
    `::highlight(${MUNICIPALITY_HIGHLIGHT}){background-color:${MUNICIPALITY_COLOR};color:#111;text-decoration:underline 2px #b07d00}`,
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
