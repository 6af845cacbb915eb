// Keyboard navigation over the page's mentions (CSS Custom Highlights are invisible to assistive technology and
// unreachable by keyboard, csswg-drafts#6498). Walks every painted span in reading order (document order, including
// those the painter keeps as offsets off-screen), scrolls the current one into view, draws a focus outline around it
// and announces it through a live region. Both live in a shadow root on Lauscher's own <lauscher-ui> host: the page's
// DOM is never changed.

import { t } from '../i18n';
import { onMessage, type PageMention, sendMessage } from '../messaging';
import type { MentionInput } from '../model';
import type { Painter, RangeInfo, Span } from '../scanner/painter';
import { blockText, OWN_UI_TAG } from '../scanner/text-blocks';
import { snippetAround } from '../snippet';
import type { PageScope } from './site-gate';

export interface NavDescription {
  topicLabel: string;
  term: string;
  snippet: string;
}

export interface NavigatorOptions {
  doc: Document;
  /** Every painted span with its block (the painter's read-only accessor). */
  spans(): Iterable<RangeInfo>;
  /** What a span stands for: topic label, term and a snippet (cheap: the side panel lists them all). */
  describe(info: RangeInfo): NavDescription;
  /** The post or comment a span stands in, as the log knows it (author, kind, key). */
  mentionOf(info: RangeInfo): MentionInput | null;
  /** The author as the log stores it (privacy mode applied), e.g. "Person 3F9A"; '' to leave the author out. */
  authorLabel(author: string): Promise<string>;
  /** Called after moving, with the range now outlined (the content script shows the tooltip for it). */
  onMoved?(info: RangeInfo, range: Range): void;
  signal: AbortSignal;
}

/** Focus outline: a dark ring inside a light one, so it keeps ≥ 3:1 against a light or a dark page. */
const CSS = `
:host { all: initial; }
.outline {
  position: absolute; z-index: 2147483646; pointer-events: none; box-sizing: border-box;
  border: 3px solid #0b57d0; border-radius: 4px; box-shadow: 0 0 0 2px #fff, inset 0 0 0 1px #fff;
}
.outline[hidden] { display: none; }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** Document order of two spans: by start node, then offset. */
export function compareSpans(a: Span, b: Span): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset || a.endOffset - b.endOffset;
  const pos = a.startNode.compareDocumentPosition(b.startNode);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** The spans in reading order, without those whose text left the document. */
export function inReadingOrder(spans: Iterable<RangeInfo>): RangeInfo[] {
  return [...spans].filter((x) => x.span.startNode.isConnected).sort((a, b) => compareSpans(a.span, b.span));
}

export function createNavigator(options: NavigatorOptions) {
  const { doc } = options;
  const ids = new WeakMap<Span, number>();
  let nextId = 1;
  let version = 1;
  let cache: { version: number; list: RangeInfo[] } | null = null;
  let current: RangeInfo | null = null;
  let host: HTMLElement | null = null;
  let outline: HTMLDivElement;
  let live: HTMLDivElement;
  let announceSeq = 0;

  const idOf = (span: Span) => {
    let id = ids.get(span);
    if (id === undefined) {
      id = nextId++;
      ids.set(span, id);
    }
    return id;
  };

  function list(): RangeInfo[] {
    if (cache?.version !== version) cache = { version, list: inReadingOrder(options.spans()) };
    return cache.list;
  }

  function build() {
    host = doc.createElement(OWN_UI_TAG.toLowerCase());
    host.dataset.lauscher = 'navigator';
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    outline = doc.createElement('div');
    outline.className = 'outline';
    outline.hidden = true;
    outline.setAttribute('aria-hidden', 'true');
    live = doc.createElement('div');
    live.className = 'live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-label', t('navLiveLabel'));
    root.append(style, outline, live);
    doc.documentElement.append(host);
  }
  options.signal.addEventListener('abort', () => {
    host?.remove();
    host = null;
  });

  function rangeOf(span: Span): Range | null {
    try {
      const range = doc.createRange();
      range.setStart(span.startNode, span.startOffset);
      range.setEnd(span.endNode, span.endOffset);
      return range;
    } catch {
      return null;
    }
  }

  function drawOutline(range: Range) {
    const r = range.getBoundingClientRect();
    const pad = 3;
    outline.style.left = `${Math.round(r.left + window.scrollX - pad)}px`;
    outline.style.top = `${Math.round(r.top + window.scrollY - pad)}px`;
    outline.style.width = `${Math.round(r.width + 2 * pad)}px`;
    outline.style.height = `${Math.round(r.height + 2 * pad)}px`;
    outline.hidden = false;
  }

  /** Sets the live region's text; a new node each time so the same words are read again. */
  function announce(text: string) {
    if (!host) build();
    const seq = ++announceSeq;
    live.replaceChildren();
    // After a tick: screen readers announce a change to a region that is already in the tree.
    setTimeout(() => {
      if (seq === announceSeq) live.replaceChildren(doc.createTextNode(text));
    }, 50);
  }

  async function announcementFor(info: RangeInfo, index: number, total: number): Promise<string> {
    const d = options.describe(info);
    const mention = options.mentionOf(info);
    const head = t('navAnnounce', [String(index + 1), String(total), d.topicLabel, d.term]);
    const author = mention?.author ? await options.authorLabel(mention.author).catch(() => '') : '';
    if (!author) return head;
    return `${head} ${t(mention?.kind === 'comment' ? 'navInCommentBy' : 'navInPostBy', author)}`;
  }

  /** Waits until the scroll has been painted (its scroll event fired), so the tooltip is not closed by it. */
  const afterScroll = () =>
    new Promise<void>((resolve) => {
      const done = setTimeout(resolve, 200);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(done);
          resolve();
        }),
      );
    });

  async function moveTo(info: RangeInfo, index: number, total: number): Promise<boolean> {
    const range = rangeOf(info.span);
    if (!range) return false;
    current = info;
    if (!host) build();
    const el = info.span.startNode.parentElement ?? info.element;
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    await afterScroll();
    if (current !== info) return true;
    drawOutline(range);
    options.onMoved?.(info, range);
    announce(await announcementFor(info, index, total));
    return true;
  }

  /** The index to go to from the current mention: the next/previous one in reading order, wrapping around. */
  function step(items: RangeInfo[], dir: 1 | -1): number {
    const cur = current;
    if (!cur) return dir === 1 ? 0 : items.length - 1;
    const at = items.findIndex((x) => x.span === cur.span);
    if (at >= 0) return (at + dir + items.length) % items.length;
    // The current one was re-scanned (a new span object): continue from where it stood in the text.
    if (dir === 1) {
      const after = items.findIndex((x) => compareSpans(x.span, cur.span) > 0);
      return Math.max(after, 0);
    }
    for (let i = items.length - 1; i >= 0; i--) if (compareSpans((items[i] as RangeInfo).span, cur.span) < 0) return i;
    return items.length - 1;
  }

  async function go(dir: 1 | -1): Promise<boolean> {
    const items = list();
    if (items.length === 0) {
      announce(t('navNone'));
      return false;
    }
    const index = step(items, dir);
    return moveTo(items[index] as RangeInfo, index, items.length);
  }

  return {
    /** Reads a text through the live region (the tooltip opened by keyboard focus). */
    say: announce,
    next: () => go(1),
    previous: () => go(-1),
    /** Goes to the mention with this id (side panel list). */
    async goTo(id: number): Promise<boolean> {
      const items = list();
      const index = items.findIndex((x) => ids.get(x.span) === id);
      if (index < 0) return false;
      return moveTo(items[index] as RangeInfo, index, items.length);
    },
    /** The side panel list's id of the mention the navigator is on. */
    currentId: (): number | undefined => (current ? ids.get(current.span) : undefined),
    /** The mention the navigator is on, as the log knows it. */
    currentMention(): MentionInput | null {
      return current?.span.startNode.isConnected ? options.mentionOf(current) : null;
    },
    /** The highlights changed (scan drained, rescan, navigation): the next list is rebuilt. */
    invalidate() {
      version += 1;
    },
    /** New page: forget the current mention and hide the outline. */
    reset() {
      version += 1;
      current = null;
      if (host) outline.hidden = true;
    },
    get version() {
      return version;
    },
    /** The page's mentions for the side panel. */
    pageMentions(): { version: number; items: PageMention[]; currentId?: number } {
      const items = list().map((info) => {
        const d = options.describe(info);
        return {
          id: idOf(info.span),
          topicId: info.span.topicId,
          topicLabel: d.topicLabel,
          term: d.term,
          snippet: d.snippet,
        };
      });
      return { version, items, currentId: current ? ids.get(current.span) : undefined };
    },
  };
}

export type MentionNavigator = ReturnType<typeof createNavigator>;

/** What the content script gives the navigator: labels, the mention behind a highlight, the tooltip. */
export interface NavigatorHooks {
  topicLabel(topicId: string): string;
  mentionFor(hit: RangeInfo & { range: Range }): MentionInput | null;
  showTooltip(hit: RangeInfo & { range: Range }): void;
}

/** Snippet for the side panel list: the matched block's text around the term. */
/** The matched words as the page shows them ("Umleitung", not the configured "Umleitung*"): what is read out. */
function shownText(span: Span): string {
  if (span.startNode === span.endNode) return span.startNode.data.slice(span.startOffset, span.endOffset);
  return span.startNode.data.slice(span.startOffset) + span.endNode.data.slice(0, span.endOffset);
}

function snippetOf(info: RangeInfo): string {
  const text = blockText(info.element);
  const shown = shownText(info.span);
  const at = Math.max(0, text.indexOf(shown));
  return snippetAround(text, at, at + shown.length, 160);
}

/** Wires the navigator to the shortcuts (background) and the side panel. */
export function setUpNavigator(
  ctx: PageScope,
  painter: Pick<Painter, 'allSpans'>,
  hooks: NavigatorHooks,
): MentionNavigator {
  const labels = new Map<string, Promise<string>>();
  const mentionOf = (info: RangeInfo) => {
    const range = document.createRange();
    try {
      range.setStart(info.span.startNode, info.span.startOffset);
      range.setEnd(info.span.endNode, info.span.endOffset);
    } catch {
      return null;
    }
    return hooks.mentionFor({ ...info, range });
  };
  const nav = createNavigator({
    doc: document,
    spans: () => painter.allSpans(),
    describe: (info) => ({
      topicLabel: hooks.topicLabel(info.span.topicId),
      term: shownText(info.span),
      snippet: snippetOf(info),
    }),
    mentionOf,
    authorLabel: (author) => {
      let label = labels.get(author);
      if (!label) {
        label = sendMessage('csAuthorLabel', { author });
        labels.set(author, label);
      }
      return label;
    },
    onMoved: (info, range) => hooks.showTooltip({ ...info, range }),
    signal: ctx.signal,
  });
  const offCommand = onMessage('bgNavCommand', async ({ data }) => {
    if (data.command === 'nav-next') await nav.next();
    else if (data.command === 'nav-previous') await nav.previous();
    return { mention: nav.currentMention() };
  });
  const offList = onMessage('uiListPageMentions', ({ data }) => {
    if (data.version === nav.version) return { version: nav.version, currentId: nav.currentId() };
    return nav.pageMentions();
  });
  const offGo = onMessage('uiGoToPageMention', async ({ data }) => ({ found: await nav.goTo(data.id) }));
  ctx.onInvalidated(() => {
    offCommand();
    offList();
    offGo();
  });
  return nav;
}
