import { generic, isItem as isGenericItem } from './generic';
import type { ExtractedItem, PlatformAdapter } from './types';

// Which post or comment a piece of page text belongs to, for one page read by one adapter, including the fallback
// for a known site whose markup changed: then the generic adapter's structural units (comment units with their own
// link, articles, posinset/role=article feed units, else the nearest block) stand in, so items keep their own
// boundaries instead of becoming one item per page.

export interface LocatedItem {
  el: Element;
  /** Read by the generic adapter on behalf of `adapter` (the site's markup is no longer what its adapter knows). */
  fallback: boolean;
}

export function createItemLocator(adapter: PlatformAdapter) {
  /** Whether the page shows any item the adapter knows; computed once per page, on first need. */
  let pageHasItems: boolean | undefined;
  let outermost = new WeakMap<Element, Element>();

  return {
    adapter,
    /**
     * The item `node` stands in. Text outside every item (group names, navigation) is site chrome and belongs to
     * none, unless the page has no items at all: then the site's markup changed and the generic units stand in.
     */
    itemOf(node: Node): LocatedItem | null {
      const el = adapter.closestItem(node);
      // generic's closestItem falls back to the nearest block itself: only its real items count here
      if (el && (adapter.id !== 'generic' || isGenericItem(el))) return { el, fallback: false };
      const doc = node.ownerDocument ?? (node as Document);
      pageHasItems ??= adapter.findItems(doc).length > 0;
      if (pageHasItems) return null;
      const unit = generic.closestItem(node);
      return unit ? { el: unit, fallback: adapter.id !== 'generic' } : null;
    },
    /** The outermost item around an item (a comment's post): the painter observes one element per post. */
    groupOf(item: LocatedItem): Element {
      if (item.fallback) return item.el;
      let top = outermost.get(item.el);
      if (!top) {
        top = item.el;
        for (let up = top.parentElement && adapter.closestItem(top.parentElement); up; ) {
          top = up;
          up = top.parentElement && adapter.closestItem(top.parentElement);
        }
        outermost.set(item.el, top);
      }
      return top;
    },
    /** Reads an item (never throws: adapters fall back to the page URL and the whole text). */
    read(item: LocatedItem, pageUrl: URL): ExtractedItem {
      if (!item.fallback) return adapter.extract(item.el, pageUrl);
      // Object.assign, not a spread: a spread would read the item's lazy `text` getter
      return Object.assign(generic.extract(item.el, pageUrl), { platform: adapter.id });
    },
    /** New page content (SPA navigation): ask again whether the page has items. */
    reset() {
      pageHasItems = undefined;
      outermost = new WeakMap();
    },
  };
}

export type ItemLocator = ReturnType<typeof createItemLocator>;
