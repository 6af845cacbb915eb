import type { ExtractedItem } from './types';

/** NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION as a number: the extract tool runs in Node, where NodeFilter is no global. */
const SHOW_TEXT_AND_CDATA = 0x4 | 0x8;

// Site-independent DOM helpers shared by the adapters. No site-specific selectors here (HOUSE-STYLE point 4).

/** The element for a node (text nodes -> parent element). */
export function elementOf(node: Node | null | undefined): Element | null {
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** The parent element, hopping from a shadow root to its host. */
export function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

/** Like `closest`, but continues from a shadow root's host into the light DOM. */
export function closestDeep(node: Node, selector: string): Element | null {
  let el = elementOf(node);
  while (el) {
    const hit = el.closest(selector);
    if (hit) return hit;
    const root = el.getRootNode();
    el = root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
  }
  return null;
}

/** `querySelectorAll` that also searches open shadow roots, in document order per tree. */
export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [...root.querySelectorAll(selector)];
  const hosts = [...root.querySelectorAll('*')].filter((el) => el.shadowRoot);
  for (const host of hosts) {
    if (host.shadowRoot) out.push(...queryAllDeep(host.shadowRoot, selector));
  }
  return out;
}

/** First element matching any selector of the list (first hit wins), optionally skipping nested items. */
export function pick(
  root: Element,
  selectors: readonly string[],
  notInside?: (el: Element) => boolean,
): Element | null {
  for (const sel of selectors) {
    // querySelector stops at the first hit, which is nearly always the one (querySelectorAll lists the whole subtree)
    const first = root.querySelector(sel);
    if (!first) continue;
    if (!notInside?.(first)) return first;
    for (const el of root.querySelectorAll(sel)) {
      if (!notInside?.(el)) return el;
    }
  }
  return null;
}

const NON_SPACE = /\S/;

/**
 * Whether `el` holds any non-whitespace text: `squash(el.textContent) !== ''`, without building the text of a whole
 * post (stops at the first text node that is not blank).
 */
export function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT_AND_CDATA);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (NON_SPACE.test((node as CharacterData).data)) return true;
  }
  return false;
}

/**
 * Number of non-whitespace characters in the text of `root`, counted up to `limit` (then it stops):
 * `Math.min(limit, textContent.replace(/\s+/g, '').length)` without the whole page's text.
 */
export function nonSpaceLength(root: Node, limit: number): number {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT_AND_CDATA);
  let n = 0;
  for (let node = walker.nextNode(); node && n < limit; node = walker.nextNode()) {
    n += (node as CharacterData).data.replace(/\s+/g, '').length;
  }
  return Math.min(n, limit);
}

/** Whitespace-normalised text. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Visible text of `el`, skipping descendants for which `skip` is true (nested items, buttons, hidden parts),
 * with block boundaries turned into spaces.
 */
export function textOf(el: Element | null, skip?: (el: Element) => boolean): string {
  if (!el) return '';
  const parts: string[] = [];
  // firstChild/nextSibling rather than iterating childNodes: no NodeList and iterator per element.
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const c = child as Element;
        const tag = c.tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'svg' || tag === 'SVG') continue;
        if (skip?.(c)) continue;
        parts.push(' ');
        walk(c);
        parts.push(' ');
      }
    }
  };
  walk(el);
  return squash(parts.join(''));
}

/** Absolute URL or '' when the href is missing, a fragment-only link or javascript:. */
export function absUrl(href: string | null | undefined, base: URL | string): string {
  if (!href) return '';
  const h = href.trim();
  if (!h || h.startsWith('javascript:')) return '';
  // An http(s)://… href does not depend on the base: remembered, as the same links are resolved several times per
  // post (permalink, author, the timestamp link).
  const absolute = ABSOLUTE.test(h);
  if (absolute) {
    const known = absolutes.get(h);
    if (known !== undefined) return known;
  }
  let out: string;
  try {
    out = new URL(h, base).href;
  } catch {
    out = '';
  }
  if (absolute) {
    if (absolutes.size >= ABSOLUTES_MAX) absolutes.clear();
    absolutes.set(h, out);
  }
  return out;
}

const ABSOLUTE = /^https?:\/\//i;
const ABSOLUTES_MAX = 20_000;
const absolutes = new Map<string, string>();

/** ISO time from `time[datetime]`, `abbr[data-utime]` or a `created`-like attribute; else null. */
export function isoFrom(el: Element | null): string | null {
  if (!el) return null;
  const dt = el.getAttribute('datetime');
  if (dt) return toIso(dt);
  const utime = el.getAttribute('data-utime');
  if (utime && /^\d+$/.test(utime)) return new Date(Number(utime) * 1000).toISOString();
  for (const attr of ['created', 'created-timestamp', 'ts', 'data-timestamp']) {
    const v = el.getAttribute(attr);
    if (v) return toIso(v);
  }
  return null;
}

/** Normalises an ISO string or epoch (seconds or milliseconds) to ISO; returns the input when unparseable. */
export function toIso(value: string): string {
  const v = value.trim();
  if (/^\d{9,13}$/.test(v)) {
    const n = Number(v);
    return new Date(v.length > 10 ? n : n * 1000).toISOString();
  }
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

/** Time of an item: ISO from the first time-bearing element among `selectors`, else its visible text. */
export function timeOf(
  root: Element,
  selectors: readonly string[],
  notInside?: (el: Element) => boolean,
): string | undefined {
  const el = pick(root, selectors, notInside);
  if (!el) return undefined;
  const iso = isoFrom(el);
  if (iso) return iso;
  const label = el.getAttribute('aria-label') || el.getAttribute('title');
  const text = squash(el.textContent) || squash(label);
  return text || undefined;
}

/** A predicate: true for elements that belong to a nested item below `item` (keeps a post's fields out of its comments). */
export function inNested(item: Element, itemSelector: string): (el: Element) => boolean {
  return (el) => {
    const owner = el.closest(itemSelector);
    return !!owner && owner !== item && item.contains(owner);
  };
}

/** Runs `fn`, returning `fallback` on any exception (extract must never throw). */
export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/**
 * An item's text, read on first use and remembered: adapters expose it as `get text() { return text(); }`, as only
 * some callers need it (the mention key of an item without its own permalink, the extract tool). Never throws: when
 * `read` does, the text is the container's whitespace-squashed textContent (as safeExtract's fallback), else ''.
 */
export function lazyText(read: () => string, container: Element): () => string {
  let text: string | undefined;
  return () => {
    if (text === undefined) {
      try {
        text = read();
      } catch {
        text = safe(() => squash(container.textContent), '');
      }
    }
    return text;
  };
}

/**
 * Runs an adapter's reader; on any exception returns the honest fallback (kind post, page URL, whole text). Pass the
 * fallback as a function: it is built only when needed (the whole text of a post is not cheap).
 */
export function safeExtract(fn: () => ExtractedItem, fallback: ExtractedItem | (() => ExtractedItem)): ExtractedItem {
  try {
    return fn();
  } catch {
    return typeof fallback === 'function' ? fallback() : fallback;
  }
}

/** The honest reading of an item no reader could make sense of: a post, the page URL, its whole text. */
export function fallbackItem(platform: ExtractedItem['platform'], container: Element, pageUrl: URL): ExtractedItem {
  return {
    platform,
    kind: 'post',
    permalink: pageUrl.href,
    author: '',
    text: squash(container.textContent),
    container,
  };
}

/** Every adapter's extract: runs the site's reader and falls back to fallbackItem on any exception. */
export function readSafely(
  platform: ExtractedItem['platform'],
  container: Element,
  pageUrl: URL,
  read: () => ExtractedItem,
): ExtractedItem {
  return safeExtract(read, () => fallbackItem(platform, container, pageUrl));
}

/**
 * Labels of the buttons next to an author's name ("Like", "Gefällt mir", "Antworten"…): never an author. Language-bound
 * by nature (de + en; checked on the saved pages 2021-2026); used only to reject a candidate, never to find one.
 */
const BUTTON_LABEL =
  /^(?:like|liked|gefällt mir|reply|antworten|share|teilen|comment|kommentieren|kommentar|follow|folgen|more|mehr|see more|mehr anzeigen|translate|übersetzen|report|melden|send|senden|save|speichern|\d+)$/i;

/** Whether `name` read from a link or heading is a button's label rather than a person's or page's name. */
export function isButtonLabel(name: string): boolean {
  return BUTTON_LABEL.test(name.trim());
}

/** Whether a link is an action (like, react, reply, share) rather than a profile or post link, by its role and href. */
export function isActionLink(a: Element): boolean {
  if (a.getAttribute('role') === 'button' || a.closest('button, [role="button"]')) return true;
  const href = a.getAttribute('href') ?? '';
  return /(?:^#$|\/a\/like\.php|\/ufi\/|\/reactions?\/|reaction_type|\/sharer|\/share\.php|\/comment\/replies|[?&](?:action|reply|replytocom)=)/.test(
    href,
  );
}
