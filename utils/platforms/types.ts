import type { MentionKind, Platform } from '../model';

/** One post or comment as an adapter understands it. */
export interface ExtractedItem {
  platform: Platform;
  kind: MentionKind;
  permalink: string;
  author: string;
  authorUrl?: string;
  /** ISO when the page gives one, else the visible text. */
  time?: string;
  /**
   * The item's own text (no nested comments, buttons, links' chrome). Adapters define it as a memoised getter
   * (dom.ts lazyText): it is read only when needed. Enumerable, so JSON.stringify and spreads still include it.
   */
  readonly text: string;
  /**
   * An ad or a "promoted"/"sponsored"/"recommended" unit: still highlighted, never logged as a mention. Set only where
   * the site marks it in its structure.
   */
  promoted?: boolean;
  /** The element whose text was matched. */
  container: Element;
}

export interface PlatformAdapter {
  id: Platform;
  /**
   * Private areas of the staff member's own account on this site (messages, mail, settings): the content script
   * checks this first and does nothing else there (utils/platforms/private-areas.ts). Looks at the URL only.
   */
  isPrivate?(url: URL): boolean;
  /** Whether this adapter handles the page (by URL, or by markup for self-hosted software such as Mastodon). */
  matches(url: URL, doc: Document): boolean;
  /** The innermost post/comment container holding `node`, or null when the node is outside any item. */
  closestItem(node: Node): Element | null;
  /** All post/comment containers under `root` (used to tell "no items here" = markup changed). */
  findItems(root: ParentNode): Element[];
  /** Reads one container. Never throws; unknown fields fall back to the page URL / empty strings. */
  extract(container: Element, pageUrl: URL): ExtractedItem;
  /**
   * Whether a page at `url` should contain items (a feed, a post, a thread). When it does and `findItems` comes back
   * empty on a page with text, the site's markup has probably changed. Absent = never expects items.
   */
  expectsItemsAt?(url: URL): boolean;
}
