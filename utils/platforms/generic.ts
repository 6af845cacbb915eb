import {
  absUrl,
  elementOf,
  isActionLink,
  isButtonLabel,
  isoFrom,
  lazyText,
  pick,
  readSafely,
  squash,
  textOf,
} from './dom';
import type { PlatformAdapter } from './types';

// Any other site, and the fallback when a known site's markup changed. Items are found by structure:
//   - comment units of newspaper and forum comment sections (zeit.de, taz.de, most German publishers, WordPress):
//     an article/li/div whose id is also the fragment (or ?cid=) of a link inside it: its own permalink;
//   - HTML5 sectioning, ARIA roles and schema.org microdata (article, [role=article], [aria-posinset], Comment,
//     BlogPosting), the "comment" class of blog and CMS comment lists;
//   - else the nearest block element (paragraph, list item…).

const COMMENT = ['[itemtype*="Comment"]', '.comment', '[id^="comment-"]', 'li.comment-body', '[role="comment"]'];
const POST = [
  'article',
  '[itemtype*="BlogPosting"]',
  '[itemtype*="Article"]',
  '[role="article"]',
  '[aria-posinset]',
  '.post',
  '.entry',
];
const ITEM = [...COMMENT, ...POST].join(', ');
const COMMENT_SEL = COMMENT.join(', ');
const BLOCK = 'p, li, dd, blockquote, td, section, div, h1, h2, h3, h4, h5, h6';
/** Elements that may be a comment unit: they carry an id their own permalink points to. */
const UNIT = 'article[id], li[id], div[id], section[id]';
/** Ids of page regions, never an item's anchor. */
const REGION_ID =
  /^(?:root|app|main|content|page|wrapper|__next|comments?|comment-(?:form|list|section|respond)|respond)$/i;
/** "#12 — vor 8 Stunden", "#1.1 — 14. Januar": a comment's number before its visible time. */
const NUMBER_PREFIX = /^#[\d.]+\s*[—–-]?\s*/;

/** The link inside `el` that points at `el` itself: fragment = its id, or ?cid=/?commentId= = the id's digits. */
function selfLinkOf(el: Element): Element | null {
  const id = el.getAttribute('id');
  if (!id || REGION_ID.test(id)) return null;
  const digits = id.match(/(\d{3,})$/)?.[1];
  for (const a of el.querySelectorAll('a[href]')) {
    // "Antworten" links (?reply=…#comments) point at the comment section, not at themselves
    if (isActionLink(a) || isButtonLabel(squash(a.textContent))) continue;
    const href = a.getAttribute('href') ?? '';
    const hash = href.indexOf('#');
    if (hash >= 0 && decodeURIComponent(href.slice(hash + 1)) === id) return a;
    if (digits && new RegExp(`[?&](?:cid|commentId|comment_id|c)=${digits}(?:&|#|$)`).test(href)) return a;
  }
  return null;
}

/** A comment unit by structure (see above). */
function isUnit(el: Element): boolean {
  return el.matches(UNIT) && !el.matches('form') && !!selfLinkOf(el);
}

/** ITEM without the id prefix rule, which alone would also take comment-form / comment-list. */
const ITEM_BUT_ID = ITEM.replace('[id^="comment-"], ', '');

/** Whether `el` is a post or comment by the rules above (not just the nearest block generic falls back to). */
export function isItem(el: Element): boolean {
  if (el.matches('form')) return false;
  if (el.matches(ITEM_BUT_ID)) return true;
  if (el.matches('[id^="comment-"]') && /^comment-\d/.test(el.id)) return true;
  return isUnit(el);
}

function isComment(el: Element): boolean {
  return el.matches(COMMENT_SEL) || (isUnit(el) && !el.matches('[itemtype*="BlogPosting"], [itemtype*="Article"]'));
}

/** The innermost item holding `el` (itself included). */
function itemOf(el: Element | null): Element | null {
  for (let cur = el; cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML'; cur = cur.parentElement) {
    if (isItem(cur)) return cur;
  }
  return null;
}

/** The item's own id as an anchor (not a page region's). */
function ownAnchor(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && !REGION_ID.test(id) && !/^js-/.test(id) ? id : null;
}

/** The author: microdata and the common CMS classes, else the unit's first named profile link before its self link. */
function authorOf(container: Element, skip: (el: Element) => boolean, selfLink: Element | null): Element | null {
  const known = pick(
    container,
    [
      '[itemprop="author"] [itemprop="name"]',
      '[itemprop="author"]',
      '[rel="author"]',
      '.author',
      '.fn',
      '.comment-author',
      '.byline',
    ],
    skip,
  );
  if (known) return known;
  if (!selfLink) return null;
  for (const a of container.querySelectorAll('a[href], cite, strong, h3, h4, h5')) {
    if (a === selfLink || skip(a) || (a.tagName === 'A' && isActionLink(a))) continue;
    if (selfLink.compareDocumentPosition(a) & 4) break; // after the self link: the comment's body
    const name = squash(a.textContent);
    if (name && name.length <= 60 && !isButtonLabel(name)) return a;
  }
  return null;
}

/** Tag and class list: repeated units of a feed share them (generated class names included). */
const signature = (el: Element) => `${el.tagName} ${el.getAttribute('class') ?? ''}`;
const HOLDS_BLOCKS = 'div, p, section, ul, ol, h1, h2, h3, h4, h5, h6, blockquote';
const UNIT_DEPTH = 12;

/**
 * The nearest ancestor that is one of several alike siblings (same tag and classes) and holds blocks of its own: a
 * post of a feed whose markup is unknown (a changed site), rather than one of its paragraphs or the whole page.
 */
function repeatedUnit(el: Element): Element | null {
  let depth = 0;
  for (let cur: Element | null = el; cur && depth < UNIT_DEPTH; cur = cur.parentElement, depth++) {
    if (cur.tagName === 'BODY' || cur.tagName === 'HTML' || cur.tagName === 'MAIN') return null;
    const sig = signature(cur);
    const prev = cur.previousElementSibling;
    const next = cur.nextElementSibling;
    const repeated = (!!prev && signature(prev) === sig) || (!!next && signature(next) === sig);
    if (repeated && cur.querySelector(HOLDS_BLOCKS)) return cur;
  }
  return null;
}

export const generic: PlatformAdapter = {
  id: 'generic',
  /** Login and account pages of any site (a paper's subscriber account, a forum's settings). */
  isPrivate: (url) =>
    /^\/(?:login|anmelden|account|konto|mein-konto|my-account|settings|einstellungen)(?:\/|$)/i.test(url.pathname),
  matches: () => true,
  closestItem(node) {
    const el = elementOf(node);
    if (!el) return null;
    return itemOf(el) ?? repeatedUnit(el) ?? el.closest(BLOCK) ?? null;
  },
  findItems: (root) => [...root.querySelectorAll(`${ITEM}, ${UNIT}`)].filter(isItem),
  extract(container, pageUrl) {
    return readSafely('generic', container, pageUrl, () => {
      const page = `${pageUrl.origin}${pageUrl.pathname}${pageUrl.search}`;
      const comment = isComment(container);
      const skip = (el: Element) => {
        const owner = el === container ? null : itemOf(el);
        return !!owner && owner !== container && container.contains(owner);
      };
      const unitLink = selfLinkOf(container);
      // a link to the item itself beats the page URL: its id as fragment, WordPress' <a href="…#comment-12"><time>,
      // rel=bookmark; the page's own article (no such link) is the page
      const selfLink =
        unitLink ??
        pick(
          container,
          ['a[rel="bookmark"]', 'a[itemprop="url"]'],
          (el) => skip(el) || !!el.closest('[itemprop="author"], [rel="author"]'),
        ) ??
        (comment ? pick(container, ['a[href] time'], skip)?.closest('a[href]') : null) ??
        null;
      const selfHref = absUrl(selfLink?.getAttribute('href'), pageUrl);
      // the page's own post (it holds the page's h1) is the page; other items keep their own anchor
      const anchor = !comment && container.querySelector('h1') ? null : ownAnchor(container);
      const permalink = selfHref || (anchor ? `${page}#${anchor}` : pageUrl.href);
      const authorEl = authorOf(container, skip, unitLink);
      const timeEl = pick(
        container,
        ['time[datetime]', 'abbr[data-utime]', '[itemprop="datePublished"]', 'time'],
        skip,
      );
      // no <time>: a comment's self link shows its date ("#1 — vor 8 Stunden")
      const visibleTime = squash(timeEl?.textContent) || squash(unitLink?.textContent).replace(NUMBER_PREFIX, '');
      const text = lazyText(() => {
        const bodyEl = pick(
          container,
          [
            '[itemprop="text"]',
            '[itemprop="articleBody"]',
            '.comment-content',
            '.comment-body',
            '.comment__body',
            '.comment-text',
          ],
          skip,
        );
        const heading = comment ? '' : textOf(pick(container, ['h1', 'h2', 'h3', 'h4'], skip));
        // a unit without a known body: its text without the meta line (author, self link), buttons and forms
        const meta = (el: Element) =>
          el.matches('form, button, [role="button"], time') ||
          el === unitLink ||
          (!!authorEl && (el === authorEl || el.contains(authorEl)) && !!unitLink && el.contains(unitLink)) ||
          (!!authorEl && el === authorEl.closest('h1, h2, h3, h4, h5, h6, cite'));
        const body = bodyEl
          ? textOf(bodyEl)
          : textOf(
              container,
              (el) =>
                skip(el) ||
                (!!unitLink && meta(el)) ||
                el === authorEl ||
                (el.tagName === 'A' && isButtonLabel(squash(el.textContent))),
            );
        return bodyEl && heading && !body.startsWith(heading) ? squash(`${heading} ${body}`) : body;
      }, container);
      return {
        platform: 'generic' as const,
        kind: comment ? ('comment' as const) : ('post' as const),
        permalink,
        author: squash(authorEl?.textContent).replace(/\s+(?:sagt|says):?$/i, ''),
        authorUrl:
          absUrl((authorEl?.closest('a[href]') ?? authorEl?.querySelector('a[href]'))?.getAttribute('href'), pageUrl) ||
          undefined,
        time: isoFrom(timeEl) ?? (visibleTime || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
