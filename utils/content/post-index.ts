// The post index: one per page, the path every mention travels in the content script. For each post or comment the
// scanner found matches in, it owns
//   - which item a text block belongs to, and the painter's group element for it (the outermost item: its post);
//   - the item's terms and topics, and the one block its single snippet is cut from;
//   - the item's reading (adapter.extract: author, permalink, time) and mention key, done lazily: in idle time before
//     a send, or at once for the one item under the pointer;
//   - what changed since the last send (items with terms not sent under their key yet).
// The scanner hands it each block with its matches in one call (`add`); the tooltip asks for the one item under the
// pointer (`mentionAt`); the side panel finds an item by its key (`elementFor`).

import type { Match } from '../matcher';
import type { MentionInput } from '../model';
import { createItemLocator, type ItemLocator, type LocatedItem } from '../platforms/locate';
import { mentionKeyFor } from '../platforms/mention-key';
import type { PlatformAdapter } from '../platforms/types';
import type { TextBlock } from '../scanner/text-blocks';
import { snippetAround } from '../snippet';

/** Blocks shorter than this (names, dates) give way to a longer matched block of the same item for the snippet. */
const SHORT_BLOCK = 80;

/** Counters of the deferred reading, for the test hook and the bench. */
export interface LogStats {
  /** Main-thread time spent reading items and sending batches, in ms; the number of slices that took. */
  extractMs: number;
  slices: number;
  /** Items read (adapter.extract), mentions sent, batches sent. */
  extracted: number;
  sent: number;
  batches: number;
  /** Items the adapter located around matched blocks (proof that the site's markup is still what it expects). */
  located: number;
}

export interface PostIndexOptions {
  adapter: PlatformAdapter;
  pageUrl: () => string;
  send(mentions: MentionInput[]): Promise<unknown>;
  /** Debounce before a batch goes out. */
  delayMs?: number;
  /** Longest main-thread slice spent reading items before yielding to the page. */
  sliceMs?: number;
  /** True while the scanner has work queued: reading items waits for it (highlighting first). */
  isBusy?: () => boolean;
  /** Called each time everything changed has been read and sent. */
  onLogged?: (stats: LogStats) => void;
}

/** Items recorded but not yet read, at most, while the scanner is still busy (see drainSlice and readBacklog). */
export const MAX_UNREAD = 100;
/** Items the back-pressure reads per block scanned over MAX_UNREAD, at most (a slice of the scan holds a few blocks). */
const BACKLOG_BURST = 8;
/**
 * Time it may take for them beyond the first (ms): the scan checks its clock only after each block (keeping part of
 * its slice in reserve, utils/scanner/index.ts), and reading a post can take a millisecond on a long feed.
 */
const BACKLOG_READ_MS = 1;
/** Mentions read under back-pressure wait for this many before they are sent (fewer messages, each cheap). */
const SEND_BATCH = 48;
/** Distinct matched words kept per item: enough for every spelling a post uses, bounded for a hostile one. */
const MAX_WORDS = 32;

/** Adds `value` to a small list unless it is there; true when added. */
function addNew(list: string[], value: string): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}

// An entry lives as long as its post does, one per logged post: terms and topics are small arrays, not Sets (a Set of
// one costs about three times an array of one). The words stay a Set: in an array, each word (a slice of the block's
// text) kept that whole text alive (heap snapshot of the bench feed: +1.3 MB).
interface Entry {
  item: LocatedItem;
  group: Element;
  terms: string[];
  topicIds: string[];
  /** The matched text as it stands in the post ("Baustellen" for the pattern "Baustelle*"), for exports. */
  words: Set<string>;
  /** The block the snippet is cut from, and its first match there. */
  text: string;
  start: number;
  end: number;
  /** The snippet cut from `text`, kept until the block changes (hovering a 200,000-character post cuts it once). */
  snippet?: string;
  /** The reading: undefined = not read yet; null = not logged (unreadable, or an ad/promoted unit). */
  base?: Omit<MentionInput, 'snippet' | 'terms' | 'topicIds'> | null;
}

const requestIdle: (cb: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: 500 })
    : (cb) => setTimeout(cb, 0);

export function createPostIndex(options: PostIndexOptions) {
  let locator: ItemLocator = createItemLocator(options.adapter);
  let entries = new WeakMap<Element, Entry>();
  /** Items with terms not sent yet, in the order they were found. */
  let changed = new Set<Entry>();
  /** mentionKey → terms sent under it on this page (a re-rendered post is a new element with the same key). */
  let sentTerms = new Map<string, string[]>();
  /** mentionKey → item element, for the side panel's "insert reply" and "show in page" (weak: posts get removed). */
  let byKey = new Map<string, WeakRef<Element>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let draining = false;
  /** A send of what the back-pressure read is queued as its own task. */
  let sendQueued = false;
  /** Bumped by reset(): a slice scheduled before it stops. */
  let generation = 0;
  let out: MentionInput[] = [];
  const delayMs = options.delayMs ?? 250;
  const sliceMs = options.sliceMs ?? 8;
  const counters: LogStats = { extractMs: 0, slices: 0, extracted: 0, sent: 0, batches: 0, located: 0 };

  function read(entry: Entry): Entry['base'] {
    if (entry.base !== undefined) return entry.base;
    const pageUrl = options.pageUrl();
    try {
      const item = locator.read(entry.item, new URL(pageUrl));
      counters.extracted += 1;
      if (item.promoted) {
        entry.base = null;
        return null;
      }
      entry.base = {
        mentionKey: mentionKeyFor(item, pageUrl),
        platform: item.platform,
        kind: item.kind,
        permalink: item.permalink || pageUrl,
        pageUrl,
        author: item.author,
        authorUrl: item.authorUrl,
        time: item.time,
      };
      byKey.set(entry.base.mentionKey, new WeakRef(entry.item.el));
    } catch (err) {
      // One item that cannot be read must not take the rest of the batch down.
      console.warn('[Lauscher] could not read a post', err);
      entry.base = null;
    }
    return entry.base;
  }

  /** The item's one snippet: the sentence around its first match in its best block. */
  function snippetOf(entry: Entry): string {
    entry.snippet ??= entry.start >= 0 ? snippetAround(entry.text, entry.start, entry.end) : '';
    return entry.snippet;
  }

  function mentionOf(entry: Entry, base: NonNullable<Entry['base']>): MentionInput {
    return {
      ...base,
      terms: entry.terms.slice(),
      topicIds: entry.topicIds.slice(),
      words: [...entry.words],
      snippet: snippetOf(entry),
    };
  }

  /** Queues the item's mention for the next send when it shows terms not sent under its key. */
  function take(entry: Entry) {
    const base = read(entry);
    if (!base) return;
    let known = sentTerms.get(base.mentionKey);
    if (!known) {
      known = [];
      sentTerms.set(base.mentionKey, known);
    }
    let fresh = false;
    for (const t of entry.terms) if (addNew(known, t)) fresh = true;
    if (!fresh) return;
    out.push(mentionOf(entry, base));
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

  /** Idle-time reading: up to `sliceMs` per slice, after the scanner's queue has drained; sends when done. */
  function drainSlice(gen: number) {
    if (gen !== generation) return;
    // Highlighting first, but never more than MAX_UNREAD items waiting: what is unread when the tab closes has to be
    // read in the ~0.5 s Chromium gives a closing page (utils/content/flush-on-hide.ts).
    if (options.isBusy?.() && changed.size < MAX_UNREAD) {
      requestIdle(() => drainSlice(gen));
      return;
    }
    const began = performance.now();
    const until = began + sliceMs;
    for (const entry of changed) {
      changed.delete(entry);
      take(entry);
      if (performance.now() >= until) break;
    }
    const finished = changed.size === 0;
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

  function schedule() {
    if (timer || draining) return;
    timer = setTimeout(() => {
      timer = undefined;
      draining = true;
      const gen = generation;
      requestIdle(() => drainSlice(gen));
    }, delayMs);
  }

  /**
   * Back-pressure: when more than MAX_UNREAD items wait unread (a long page scanned faster than idle time reads it,
   * as on a busy machine), the oldest are read now, a few per block, in the scan's own slice. What a closing tab
   * still has to read (and send: flushInChunks sends what was read here too) always fits the time Chromium gives it.
   */
  function readBacklog() {
    if (changed.size <= MAX_UNREAD) return;
    const began = performance.now();
    // At least one per block scanned (a block adds at most one item, so the backlog stays at MAX_UNREAD), more while
    // time allows, so the scan's slice stays within its budget; sent once a batch has gathered.
    let read = 0;
    for (const entry of changed) {
      if (changed.size <= MAX_UNREAD - BACKLOG_BURST) break;
      if (read > 0 && performance.now() - began >= BACKLOG_READ_MS) break;
      changed.delete(entry);
      take(entry);
      read += 1;
    }
    // Sent from a task of its own: serialising a batch is not the scan slice's time.
    if (out.length >= SEND_BATCH && !sendQueued) {
      sendQueued = true;
      setTimeout(() => {
        sendQueued = false;
        send();
      }, 0);
    }
    counters.extractMs += performance.now() - began;
  }

  function entryFor(node: Node): Entry | undefined {
    const item = locator.itemOf(node);
    return item ? entries.get(item.el) : undefined;
  }

  return {
    /**
     * A scanned block and its matches (the scanner's one call per block). Records the terms for the block's item and
     * returns the element the painter groups the block's ranges by: the item's post, or the block itself outside items.
     */
    add(block: TextBlock, matches: readonly Match[]): Element {
      const item = locator.itemOf(block.nodes[0] ?? block.element);
      if (!item) return block.element;
      let entry = entries.get(item.el);
      const first = matches[0];
      if (!entry) {
        entry = {
          item,
          group: locator.groupOf(item),
          terms: [],
          topicIds: [],
          words: new Set(),
          text: block.text,
          start: first ? first.start : -1,
          end: first ? first.end : -1,
        };
        entries.set(item.el, entry);
        if (!item.fallback) counters.located += 1;
      } else if (first && entry.text.length < SHORT_BLOCK && block.text.length > entry.text.length) {
        // A name line ("Stadt Musterstadt") makes a poor snippet: the post's own text is the longer block.
        entry.text = block.text;
        entry.start = first.start;
        entry.end = first.end;
        entry.snippet = undefined;
      }
      let fresh = false;
      for (const m of matches) {
        if (addNew(entry.terms, m.term)) fresh = true;
        addNew(entry.topicIds, m.topicId);
        if (entry.words.size < MAX_WORDS) entry.words.add(block.text.slice(m.start, m.end));
      }
      if (fresh || entry.base === undefined) {
        changed.add(entry);
        readBacklog();
        schedule();
      }
      return entry.group;
    },
    /**
     * The mention of the one item under `node` (a highlight under the pointer or in focus), read now if it was not
     * yet; null outside items, and for items that are not logged (ads, promoted units).
     */
    mentionAt(node: Node): MentionInput | null {
      const entry = entryFor(node);
      if (!entry) return null;
      const base = read(entry);
      return base ? mentionOf(entry, base) : null;
    },
    /** The post or comment element around `node` (keyboard focus inside a post), or null outside items. */
    itemAt(node: Node): Element | null {
      return locator.itemOf(node)?.el ?? null;
    },
    /** The item element of a mention read on this page, if it is still there. */
    elementFor(mentionKey: string): Element | undefined {
      const el = byKey.get(mentionKey)?.deref();
      return el?.isConnected ? el : undefined;
    },
    /** Reads and sends everything changed, now (tests and the extract tool; the page itself waits for idle time). */
    flush() {
      clearTimeout(timer);
      timer = undefined;
      const began = performance.now();
      for (const entry of changed) take(entry);
      changed.clear();
      send();
      counters.extractMs += performance.now() - began;
    },
    /**
     * Like flush, but sends every `chunk` items and yields a microtask between chunks, so each message leaves at once
     * (the messaging library dispatches in a microtask): a tab being closed may stop the page at any moment.
     */
    async flushInChunks(chunk: number) {
      clearTimeout(timer);
      timer = undefined;
      while (changed.size > 0) {
        const began = performance.now();
        let n = 0;
        for (const entry of changed) {
          if (n++ >= chunk) break;
          changed.delete(entry);
          take(entry);
        }
        send();
        counters.extractMs += performance.now() - began;
        await Promise.resolve();
      }
      send();
    },
    /** New page (SPA navigation) or new terms: forget every item and what was sent. */
    reset(nextAdapter?: PlatformAdapter) {
      locator = createItemLocator(nextAdapter ?? locator.adapter);
      entries = new WeakMap();
      changed = new Set();
      sentTerms = new Map();
      byKey = new Map();
      clearTimeout(timer);
      timer = undefined;
      out = [];
      draining = false;
      generation += 1;
      counters.located = 0;
    },
    stats: (): LogStats => ({ ...counters }),
  };
}

export type PostIndex = ReturnType<typeof createPostIndex>;
