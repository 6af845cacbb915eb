import { closestDeep, elementOf, inNested, isoFrom, lazyText, pick, readSafely, squash, textOf } from './dom';
import { normalizeLink } from './mention-key';
import type { PlatformAdapter } from './types';

// www.linkedin.com feed posts and comments. Posts and comments carry their URNs in data attributes
// (data-urn / data-id = "urn:li:activity:…" / "urn:li:comment:(activity:…,…)"); the readable parts use LinkedIn's
// BEM-style component class names (update-components-*, comments-comment-*), which are not generated hashes
// (checked 2025-01). No saved page available; the fixture is built from the documented structure.

const POST = [
  '[data-urn^="urn:li:activity:"]',
  '[data-id^="urn:li:activity:"]',
  '[data-urn^="urn:li:share:"]',
  '[data-urn^="urn:li:ugcPost:"]',
];
const COMMENT = ['[data-id^="urn:li:comment:"]', 'article.comments-comment-entity', 'article.comments-comment-item'];
const ITEM = [...POST, ...COMMENT].join(', ');

/** "urn:li:comment:(activity:123,456)" or "urn:li:comment:(urn:li:activity:123,456)" -> ["123", "456"] */
function commentParts(urn: string): [string, string] | null {
  const m = urn.match(/urn:li:comment:\((?:urn:li:)?(\w+):(\d+),(\d+)\)/);
  return m?.[2] && m[3] ? [`urn:li:${m[1]}:${m[2]}`, m[3]] : null;
}

export const linkedin: PlatformAdapter = {
  id: 'linkedin',
  matches: (url) => /(^|\.)linkedin\.com$/.test(url.hostname),
  expectsItemsAt: (url) => /^\/(?:feed|posts|company\/[^/]+\/posts|in\/[^/]+\/recent-activity)/.test(url.pathname),
  closestItem: (node) => closestDeep(elementOf(node) ?? node, ITEM),
  findItems: (root) => {
    const items = [...root.querySelectorAll(ITEM)];
    // a post wrapper and its inner data-urn element: keep the outermost post, every comment
    return items.filter((el) => !(POST.some((s) => el.matches(s)) && el.parentElement?.closest(POST.join(', '))));
  },
  extract(container, pageUrl) {
    return readSafely('linkedin', container, pageUrl, () => {
      const skip = inNested(container, ITEM);
      const comment = COMMENT.some((s) => container.matches(s));
      const urnHost = comment
        ? container
        : container.matches('[data-urn]')
          ? container
          : container.querySelector('[data-urn]');
      const urn =
        (comment
          ? container.getAttribute('data-id')
          : (urnHost?.getAttribute('data-urn') ?? container.getAttribute('data-id'))) ?? '';
      let permalink = pageUrl.href;
      if (comment) {
        const parts = commentParts(urn);
        if (parts)
          permalink = `https://www.linkedin.com/feed/update/${parts[0]}/?commentUrn=${encodeURIComponent(urn)}`;
      } else if (/^urn:li:(?:activity|share|ugcPost):\d+$/.test(urn)) {
        permalink = `https://www.linkedin.com/feed/update/${urn}/`;
      } else {
        const a = pick(container, ['a[href*="/feed/update/urn:li:"]', 'a[href*="/posts/"]'], skip);
        const href = normalizeLink(a?.getAttribute('href'), pageUrl, 'linkedin');
        if (href) permalink = href;
      }
      const authorLink = pick(
        container,
        comment
          ? [
              'a.comments-comment-meta__description-container',
              'a.comments-post-meta__actor-link',
              'a[href*="/in/"]',
              'a[href*="/company/"]',
            ]
          : ['a.update-components-actor__meta-link', 'a[href*="/in/"]', 'a[href*="/company/"]'],
        skip,
      );
      const nameEl = pick(
        container,
        comment
          ? ['.comments-comment-meta__description-title', '.comments-post-meta__name-text']
          : ['.update-components-actor__title span[aria-hidden="true"]', '.update-components-actor__name'],
        skip,
      );
      const text = lazyText(() => {
        const body = pick(
          container,
          comment
            ? ['.comments-comment-item__main-content', '.comments-comment-entity__content', '[dir="ltr"]']
            : ['.update-components-text', '.feed-shared-update-v2__description', '.feed-shared-text'],
          skip,
        );
        return textOf(body, (el) => el.matches('button, .visually-hidden'));
      }, container);
      const timeEl = pick(
        container,
        comment
          ? ['time', '.comments-comment-meta__data']
          : [
              'time',
              '.update-components-actor__sub-description span[aria-hidden="true"]',
              '.update-components-actor__sub-description',
            ],
        skip,
      );
      // visible time like "2 Tage • Bearbeitet • 🌐": keep the first part
      const timeText = squash(timeEl?.textContent).split('•')[0]?.trim();
      return {
        platform: 'linkedin' as const,
        kind: comment ? ('comment' as const) : ('post' as const),
        permalink,
        author: squash(nameEl?.textContent) || squash(authorLink?.textContent),
        authorUrl: authorLink ? normalizeLink(authorLink.getAttribute('href'), pageUrl, 'linkedin') : undefined,
        time: isoFrom(timeEl) ?? (timeText || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
