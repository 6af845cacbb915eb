import { absUrl, elementOf, isoFrom, lazyText, pick, readSafely, squash, textOf } from './dom';
import type { PlatformAdapter } from './types';

// Any other site: article/comment heuristics (HTML5 sectioning, schema.org microdata, the common "comment" class
// of blog and CMS comment lists), falling back to the nearest block element. Permalink = page URL + nearest id anchor.

const COMMENT = ['[itemtype*="Comment"]', '.comment', '[id^="comment-"]', 'li.comment-body', '[role="comment"]'];
const POST = ['article', '[itemtype*="BlogPosting"]', '[itemtype*="Article"]', '[role="article"]', '.post', '.entry'];
const ITEM = [...COMMENT, ...POST].join(', ');
const BLOCK = 'p, li, dd, blockquote, td, section, div, h1, h2, h3, h4, h5, h6';

function isComment(el: Element): boolean {
  return COMMENT.some((s) => el.matches(s));
}

/** The nearest element with an id, the item itself or an ancestor (for `#anchor` permalinks). */
function nearestAnchor(el: Element): string | null {
  let cur: Element | null = el;
  while (cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML') {
    const id = cur.getAttribute('id');
    if (id && !/^(?:root|app|main|content|page|wrapper|__next)$/i.test(id)) return id;
    cur = cur.parentElement;
  }
  return null;
}

export const generic: PlatformAdapter = {
  id: 'generic',
  matches: () => true,
  closestItem(node) {
    const el = elementOf(node);
    if (!el) return null;
    return el.closest(ITEM) ?? el.closest(BLOCK) ?? null;
  },
  findItems: (root) => [...root.querySelectorAll(ITEM)],
  extract(container, pageUrl) {
    const page = `${pageUrl.origin}${pageUrl.pathname}${pageUrl.search}`;
    return readSafely('generic', container, pageUrl, () => {
      const comment = isComment(container);
      const skip = (el: Element) =>
        el !== container &&
        !!el.parentElement?.closest(ITEM) &&
        el.parentElement?.closest(ITEM) !== container &&
        container.contains(el.parentElement?.closest(ITEM) ?? null);
      // a link to the item itself (WordPress: <a href="…#comment-12"><time>) beats the page URL
      const selfLink = pick(
        container,
        ['a[href*="#comment"]', 'a[rel="bookmark"]', 'a[itemprop="url"]', 'a[href] time'],
        skip,
      );
      const selfHref = absUrl((selfLink?.closest('a[href]') ?? selfLink)?.getAttribute('href'), pageUrl);
      const anchor = nearestAnchor(container);
      const permalink = selfHref || (anchor ? `${page}#${anchor}` : pageUrl.href);
      const authorEl = pick(
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
      const timeEl = pick(
        container,
        ['time[datetime]', 'abbr[data-utime]', '[itemprop="datePublished"]', 'time'],
        skip,
      );
      const text = lazyText(() => {
        const bodyEl = pick(
          container,
          ['[itemprop="text"]', '[itemprop="articleBody"]', '.comment-content', '.comment-body'],
          skip,
        );
        const heading = comment ? '' : textOf(pick(container, ['h1', 'h2', 'h3', 'h4'], skip));
        const body = bodyEl ? textOf(bodyEl) : textOf(container, skip);
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
        time: isoFrom(timeEl) ?? (squash(timeEl?.textContent) || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
