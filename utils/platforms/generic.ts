import type { ExtractedItem, PlatformAdapter } from './types';

// PLACEHOLDER until issue 5 lands: nearest article/comment/block element.
const ITEM = 'article, [itemtype*="Comment"], .comment';

export const generic: PlatformAdapter = {
  id: 'generic',
  matches: () => true,
  closestItem(node) {
    const el = node instanceof Element ? node : node.parentElement;
    return el?.closest(ITEM) ?? el?.closest('p, li, div') ?? null;
  },
  findItems: (root) => [...root.querySelectorAll(ITEM)],
  extract(container, pageUrl): ExtractedItem {
    const anchor = container.closest('[id]')?.id;
    return {
      platform: 'generic',
      kind: container.matches('[itemtype*="Comment"], .comment') ? 'comment' : 'post',
      permalink: anchor ? `${pageUrl.origin}${pageUrl.pathname}#${anchor}` : pageUrl.href,
      author: '',
      text: container.textContent ?? '',
      container,
    };
  },
};
