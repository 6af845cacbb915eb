// Content-script side of the log: groups matches by the post or comment they stand in and sends one MentionInput
// per item to the background, batched. Each item is extracted once per page; items are re-sent only when they
// show new terms.
//
// Two phases: during the scan, `collect` only records per item the terms, topics and where the snippet comes from
// (cheap: a closestItem per block). Reading the item (adapter.extract: author, permalink, time; the mention key; the
// snippet) happens later, after a debounce, in idle-time slices of at most `sliceMs` that wait for the scanner to be
// idle, and the batch is sent when they are done.

import type { MentionInput } from './model';
import { generic } from './platforms/generic';
import { mentionKeyFor } from './platforms/mention-key';
import type { ExtractedItem, PlatformAdapter } from './platforms/types';
import type { BlockMatches } from './scanner';
import { snippetAround } from './snippet';

/** Posts recorded but not yet read, at most, while the scanner is still busy (see drainSlice). */
const MAX_UNREAD = 100;

/** Blocks shorter than this (names, dates) give way to a longer matched block of the same item for the snippet. */
const SHORT_BLOCK = 80;

interface Pending {
  terms: Set<string>;
  topicIds: Set<string>;
  /** The matched text as it stands in the post ("Baustellen" for the pattern "Baustelle*"), for exports. */
  words: Set<string>;
  /** The first matched block's text and its first match (-1: none): the snippet is cut when the item is read. */
  text: string;
  start: number;
  end: number;
}

/** Counters of the deferred reading, for the test hook and the bench. */
export interface LogStats {
  /** Main-thread time spent reading items and sending batches, in ms; the number of slices that took. */
  extractMs: number;
  slices: number;
  /** Items read (adapter.extract), mentions sent, batches sent. */
  extracted: number;
  sent: number;
  batches: number;
}

export interface CollectorOptions {
  adapter: PlatformAdapter;
  pageUrl: () => string;
  send(mentions: MentionInput[]): Promise<unknown>;
  /** Debounce before a batch goes out. */
  delayMs?: number;
  /** Longest main-thread slice spent reading items before yielding to the page. */
  sliceMs?: number;
  /** True while the scanner has work queued: reading items waits for it (highlighting first). */
  isBusy?: () => boolean;
  /** Called each time everything recorded has been read and sent. */
  onLogged?: (stats: LogStats) => void;
}

const requestIdle: (cb: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: 500 })
    : (cb) => setTimeout(cb, 0);

export function createMentionCollector(options: CollectorOptions) {
  let adapter = options.adapter;
  let extracted = new WeakMap<Element, MentionInput>();
  /** mentionKey → item element, for the side panel's "insert reply" and "show in page" (weak: posts get removed). */
  let byKey = new Map<string, WeakRef<Element>>();
  let sentTerms = new Map<string, Set<string>>();
  const pending = new Map<Element, Pending>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The batch being read in idle slices (taken from `pending`), how far, and the mentions read so far. */
  let batch: Array<[Element, Pending]> = [];
  let batchAt = 0;
  let out: MentionInput[] = [];
  let draining = false;
  /** Bumped by reset(): a slice scheduled before it stops. */
  let generation = 0;
  const delayMs = options.delayMs ?? 250;
  const sliceMs = options.sliceMs ?? 8;
  const counters: LogStats = { extractMs: 0, slices: 0, extracted: 0, sent: 0, batches: 0 };

  /** Blocks outside any item the adapter knows (changed markup): logged as posts with the page URL. */
  const fallbackItems = new WeakSet<Element>();

  /** Items resolved for blocks by groupFor during a scan slice, used by the collect() that follows it. */
  const itemOfBlock = new Map<BlockMatches['block'], Element | null>();
  /** Item → the outermost item holding it (a comment's post), for grouping the painter's visibility observation. */
  let outermost = new WeakMap<Element, Element>();

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

  /** Reads one recorded item into `out` when it shows terms not sent for it yet. */
  function readOne(el: Element, p: Pending) {
    const base = extracted.get(el) ?? extract(el);
    if (!base) return;
    const known = sentTerms.get(base.mentionKey) ?? new Set<string>();
    const fresh = [...p.terms].some((t) => !known.has(t));
    if (!fresh) return;
    for (const t of p.terms) known.add(t);
    sentTerms.set(base.mentionKey, known);
    const snippet = p.start >= 0 ? snippetAround(p.text, p.start, p.end) : '';
    out.push({ ...base, terms: [...p.terms], topicIds: [...p.topicIds], words: [...p.words], snippet });
  }

  function takePending() {
    if (batchAt >= batch.length) {
      batch = [...pending];
      batchAt = 0;
    } else for (const entry of pending) batch.push(entry);
    pending.clear();
  }

  function send() {
    if (out.length) {
      const mentions = out;
      counters.sent += mentions.length;
      counters.batches += 1;
      options.send(mentions).catch((err) => console.warn('[Lauscher] could not log mentions', err));
    }
    out = [];
  }

  /** Idle-time reading: up to `sliceMs` per slice, after the scanner's queue has drained; sends after each slice. */
  function drainSlice(gen: number) {
    if (gen !== generation) return;
    // Highlighting first, but never more than MAX_UNREAD posts waiting: what is unread when the tab closes has to
    // be read in the ~0.5 s Chromium gives a closing page (utils/content/flush-on-hide.ts).
    if (options.isBusy?.() && pending.size + batch.length - batchAt < MAX_UNREAD) {
      requestIdle(() => drainSlice(gen));
      return;
    }
    const began = performance.now();
    const until = began + sliceMs;
    takePending();
    while (batchAt < batch.length) {
      const [el, p] = batch[batchAt++] as [Element, Pending];
      readOne(el, p);
      if (performance.now() >= until) break;
    }
    const finished = batchAt >= batch.length;
    if (finished) {
      batch = [];
      batchAt = 0;
    }
    // Each slice sends what it read: nothing read waits in this tab for the rest of the batch.
    send();
    counters.extractMs += performance.now() - began;
    counters.slices += 1;
    if (!finished) requestIdle(() => drainSlice(gen));
    else {
      draining = false;
      options.onLogged?.({ ...counters });
    }
  }

  function startDrain() {
    timer = undefined;
    if (draining) return;
    draining = true;
    const gen = generation;
    requestIdle(() => drainSlice(gen));
  }

  /** Reads and sends everything recorded, now (the tooltip and the side panel need the mention at once). */
  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const began = performance.now();
    takePending();
    while (batchAt < batch.length) {
      const [el, p] = batch[batchAt++] as [Element, Pending];
      readOne(el, p);
    }
    batch = [];
    batchAt = 0;
    send();
    counters.extractMs += performance.now() - began;
  }

  /**
   * Like flush, but sends every `chunk` items and yields a microtask between chunks, so each message leaves at once
   * (the messaging library dispatches in a microtask): a tab being closed may stop the page at any moment.
   */
  async function flushInChunks(chunk: number) {
    clearTimeout(timer);
    timer = undefined;
    takePending();
    while (batchAt < batch.length) {
      const began = performance.now();
      for (let n = 0; n < chunk && batchAt < batch.length; n++) {
        const [el, p] = batch[batchAt++] as [Element, Pending];
        readOne(el, p);
      }
      send();
      counters.extractMs += performance.now() - began;
      await Promise.resolve();
    }
    batch = [];
    batchAt = 0;
    send();
  }

  /**
   * Back-pressure: when more than MAX_UNREAD posts wait unread (a long page scanned faster than idle time reads it,
   * as on a busy machine), the oldest are read now, in the scan's own slice. What a closing tab still has to read
   * then always fits the ~0.5 s Chromium gives it.
   */
  function readBacklog() {
    if (pending.size <= MAX_UNREAD) return;
    const began = performance.now();
    for (const [el, p] of pending) {
      if (pending.size <= MAX_UNREAD / 2) break;
      pending.delete(el);
      readOne(el, p);
    }
    send();
    counters.extractMs += performance.now() - began;
  }

  function extract(el: Element): MentionInput | null {
    const pageUrl = options.pageUrl();
    let item: ExtractedItem;
    let mentionKey: string;
    try {
      // Object.assign, not a spread: a spread would read the item's lazy `text` getter (only needed for the key).
      item = fallbackItems.has(el)
        ? Object.assign(generic.extract(el, new URL(pageUrl)), {
            platform: adapter.id,
            kind: 'post' as const,
            permalink: pageUrl,
          })
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
    counters.extracted += 1;
    extracted.set(el, input);
    byKey.set(input.mentionKey, new WeakRef(el));
    return input;
  }

  return {
    /**
     * The post a block belongs to (the outermost item around it; the block element outside items), for the painter:
     * ranges are registered per post that comes near the viewport. Remembers the block's item for collect().
     */
    groupFor(block: BlockMatches['block']): Element {
      const item = itemFor(block);
      itemOfBlock.set(block, item);
      if (!item) return block.element;
      let top = outermost.get(item);
      if (!top) {
        top = item;
        for (let up = top.parentElement && adapter.closestItem(top.parentElement); up; ) {
          top = up;
          up = top.parentElement && adapter.closestItem(top.parentElement);
        }
        outermost.set(item, top);
      }
      return top;
    },
    collect(found: BlockMatches[]) {
      for (const { block, matches } of found) {
        const known = itemOfBlock.get(block);
        const el = known !== undefined ? known : itemFor(block);
        if (!el) continue;
        let p = pending.get(el);
        if (!p) {
          const first = matches[0];
          p = {
            terms: new Set(),
            topicIds: new Set(),
            words: new Set(),
            text: block.text,
            start: first ? first.start : -1,
            end: first ? first.end : -1,
          };
          pending.set(el, p);
        } else if (p.text.length < SHORT_BLOCK && block.text.length > p.text.length && matches[0]) {
          // A name line ("Stadt Musterstadt") makes a poor snippet: the post's own text is the longer block.
          p.text = block.text;
          p.start = matches[0].start;
          p.end = matches[0].end;
        }
        for (const m of matches) {
          p.terms.add(m.term);
          p.topicIds.add(m.topicId);
          p.words.add(block.text.slice(m.start, m.end));
        }
      }
      itemOfBlock.clear();
      readBacklog();
      if (!timer && !draining && pending.size) timer = setTimeout(startDrain, delayMs);
    },
    /** The item element of a logged mention on this page, if it is still there. */
    elementFor(mentionKey: string): Element | undefined {
      const el = byKey.get(mentionKey)?.deref();
      return el?.isConnected ? el : undefined;
    },
    /** The mention for a post element, when one was logged on this page. */
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
      itemOfBlock.clear();
      outermost = new WeakMap();
      clearTimeout(timer);
      timer = undefined;
      batch = [];
      batchAt = 0;
      out = [];
      draining = false;
      generation += 1;
    },
    flushNow: flush,
    flushInChunks,
    stats: (): LogStats => ({ ...counters }),
  };
}
