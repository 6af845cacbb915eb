// Content-script side of the log: groups matches by the post or comment they stand in and sends one MentionInput
// per item to the background, batched. Each item is extracted once per page; items are re-sent only when they
// show new terms.

import type { MentionInput } from './model';
import { generic } from './platforms/generic';
import { mentionKeyFor } from './platforms/mention-key';
import type { ExtractedItem, PlatformAdapter } from './platforms/types';
import type { BlockMatches } from './scanner';
import { snippetAround } from './snippet';

interface Pending {
  terms: Set<string>;
  topicIds: Set<string>;
  snippet: string;
}

export interface CollectorOptions {
  adapter: PlatformAdapter;
  pageUrl: () => string;
  send(mentions: MentionInput[]): Promise<unknown>;
  /** Debounce before a batch goes out. */
  delayMs?: number;
}

export function createMentionCollector(options: CollectorOptions) {
  let adapter = options.adapter;
  let extracted = new WeakMap<Element, MentionInput>();
  /** mentionKey → item element, for the side panel's "insert reply" and "show in page" (weak: posts get removed). */
  let byKey = new Map<string, WeakRef<Element>>();
  let sentTerms = new Map<string, Set<string>>();
  const pending = new Map<Element, Pending>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Blocks outside any item the adapter knows (changed markup): logged as posts with the page URL. */
  const fallbackItems = new WeakSet<Element>();

  /** Whether the page shows any item the adapter knows; computed once per page. */
  let pageHasItems: boolean | undefined;

  /**
   * The post or comment a block stands in. Text outside every item (group names, navigation) is site chrome and
   * not logged, unless the page has no items at all: then the site's markup changed and blocks are logged as posts.
   */
  function itemFor(block: BlockMatches['block']): Element | null {
    const item = adapter.closestItem(block.nodes[0] as Text);
    if (item) return item;
    if (adapter.id !== 'generic') {
      pageHasItems ??= adapter.findItems(block.element.ownerDocument).length > 0;
      if (pageHasItems) return null;
    }
    const el = generic.closestItem(block.nodes[0] as Text) ?? block.element;
    fallbackItems.add(el);
    return el;
  }

  function flush() {
    timer = undefined;
    const out: MentionInput[] = [];
    for (const [el, p] of pending) {
      const base = extracted.get(el) ?? extract(el);
      if (!base) continue;
      const known = sentTerms.get(base.mentionKey) ?? new Set<string>();
      const fresh = [...p.terms].some((t) => !known.has(t));
      if (!fresh) continue;
      for (const t of p.terms) known.add(t);
      sentTerms.set(base.mentionKey, known);
      out.push({ ...base, terms: [...p.terms], topicIds: [...p.topicIds], snippet: p.snippet });
    }
    pending.clear();
    if (out.length) options.send(out).catch((err) => console.warn('[Lauscher] could not log mentions', err));
  }

  function extract(el: Element): MentionInput | null {
    const pageUrl = options.pageUrl();
    let item: ExtractedItem;
    let mentionKey: string;
    try {
      item = fallbackItems.has(el)
        ? { ...generic.extract(el, new URL(pageUrl)), platform: adapter.id, kind: 'post', permalink: pageUrl }
        : adapter.extract(el, new URL(pageUrl));
      mentionKey = mentionKeyFor(item, pageUrl);
    } catch (err) {
      // One item that cannot be read must not take the rest of the batch down (flush runs in a timer: a throw there
      // would drop every pending mention without a trace).
      console.warn('[Lauscher] could not read a post', err);
      return null;
    }
    const input: MentionInput = {
      mentionKey,
      platform: item.platform,
      kind: item.kind,
      permalink: item.permalink || pageUrl,
      pageUrl,
      author: item.author,
      authorUrl: item.authorUrl,
      time: item.time,
      snippet: '',
      terms: [],
      topicIds: [],
    };
    extracted.set(el, input);
    byKey.set(input.mentionKey, new WeakRef(el));
    return input;
  }

  return {
    collect(found: BlockMatches[]) {
      for (const { block, matches } of found) {
        const el = itemFor(block);
        if (!el) continue;
        let p = pending.get(el);
        if (!p) {
          const first = matches[0];
          p = {
            terms: new Set(),
            topicIds: new Set(),
            snippet: first ? snippetAround(block.text, first.start, first.end) : '',
          };
          pending.set(el, p);
        }
        for (const m of matches) {
          p.terms.add(m.term);
          p.topicIds.add(m.topicId);
        }
      }
      if (!timer) timer = setTimeout(flush, options.delayMs ?? 250);
    },
    /** The mention for a post element, when one was logged on this page. */
    /** The item element of a logged mention on this page, if it is still there. */
    elementFor(mentionKey: string): Element | undefined {
      const el = byKey.get(mentionKey)?.deref();
      return el?.isConnected ? el : undefined;
    },
    mentionFor(el: Element): MentionInput | undefined {
      return extracted.get(el);
    },
    itemForNode(node: Node): Element | null {
      return adapter.closestItem(node);
    },
    /** New page (SPA navigation) or new terms: forget what was sent. */
    reset(nextAdapter?: PlatformAdapter) {
      if (nextAdapter) adapter = nextAdapter;
      extracted = new WeakMap();
      byKey = new Map();
      sentTerms = new Map();
      pageHasItems = undefined;
      pending.clear();
    },
    flushNow: flush,
  };
}
