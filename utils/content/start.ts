// Content-script main: picks the site adapter, starts the scanner, wires it to the log and to settings changes.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../i18n';
import { compileMatcher, MUNICIPALITY_TOPIC } from '../matcher';
import { createMentionCollector, type LogStats } from '../mention-collector';
import { onMessage, sendMessage } from '../messaging';
import type { MentionInput } from '../model';
import { markupChanged, pickAdapter } from '../platforms';
import { createScanner, type Scanner, type ScanStats } from '../scanner';
import { adoptHighlightStyles, highlightName, MUNICIPALITY_HIGHLIGHT } from '../scanner/highlight-styles';
import { firstHitWithin, type Hit, hitTest } from '../scanner/hit-test';
import { blockText } from '../scanner/text-blocks';
import { matcherConfigOf, type Profile, profileItem } from '../settings';
import { snippetAround } from '../snippet';
import { insertReplyFor } from './insert-reply';
import { type MentionNavigator, setUpNavigator } from './navigator';
import { createTooltip, type TooltipContent } from './tooltip';

/**
 * The test hooks below exist only in the e2e build (`wxt build --mode e2e`): in the shipped extension a page must
 * not be able to see that Lauscher is there, let alone how much it found. Vite folds this constant away.
 */
const TEST_HOOKS = import.meta.env.MODE === 'e2e';

/**
 * Test/bench hook: when the scanner's queue drains, `document` receives `lauscher:idle` with the counters as a JSON
 * string in `detail` (a string crosses from the content script's world to the page's in every engine). One event per
 * drain, no DOM change; the e2e tests and bench/highlight.ts wait on it.
 */
export const IDLE_EVENT = 'lauscher:idle';

function announceIdle(stats: ScanStats) {
  document.dispatchEvent(new CustomEvent(IDLE_EVENT, { detail: JSON.stringify(stats) }));
}

/**
 * Test/bench hook: when everything recorded for the log has been read and sent (the deferred reading of posts,
 * utils/mention-collector.ts), `document` receives `lauscher:logged` with the collector's counters as JSON.
 */
export const LOGGED_EVENT = 'lauscher:logged';

function announceLogged(stats: LogStats) {
  document.dispatchEvent(new CustomEvent(LOGGED_EVENT, { detail: JSON.stringify(stats) }));
}

function highlightLookup(profile: Profile) {
  const byTopic = new Map(profile.topics.map((t) => [t.id, highlightName(t.color)]));
  return (topicId: string) =>
    topicId === MUNICIPALITY_TOPIC ? MUNICIPALITY_HIGHLIGHT : (byTopic.get(topicId) ?? null);
}

function compile(profile: Profile) {
  try {
    return compileMatcher(matcherConfigOf(profile));
  } catch (err) {
    // A bad term must not take the page down; the options page shows the error where it is typed.
    console.warn('[Lauscher]', err);
    return compileMatcher(matcherConfigOf({ ...profile, topics: [] }));
  }
}

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

export async function startLauscher(ctx: ContentScriptContext): Promise<void> {
  adoptHighlightStyles(document);
  const profile = await profileItem.getValue();
  await domReady();
  if (ctx.isInvalid) return;

  const url = () => location.href;
  let scanner: Scanner | undefined;
  let navigator: MentionNavigator | undefined;
  const collector = createMentionCollector({
    adapter: pickAdapter(new URL(url()), document),
    pageUrl: url,
    send: (mentions) => sendMessage('csLogMentions', mentions),
    isBusy: () => !!scanner?.busy,
    onLogged: TEST_HOOKS ? announceLogged : undefined,
  });
  scanner = createScanner({
    doc: document,
    matcher: compile(profile),
    highlightFor: highlightLookup(profile),
    onMatches: (found) => {
      collector.collect(found);
      navigator?.invalidate();
    },
    groupFor: (block) => collector.groupFor(block),
    onShadowRoot: adoptHighlightStyles,
    onIdle: TEST_HOOKS ? announceIdle : undefined,
    signal: ctx.signal,
  });
  scanner.start();
  // A known site whose pages no longer show the post containers its adapter expects: tell the popup once per page.
  let markupChecked = false;
  const checkMarkup = () => {
    if (markupChecked) return;
    markupChecked = true;
    const adapter = pickAdapter(new URL(url()), document);
    if (markupChanged(adapter, new URL(url()), document)) {
      void sendMessage('csReportMarkupChanged', { platform: adapter.id, url: url() }).catch(() => undefined);
    }
  };
  // A diagnostic, not part of highlighting: in idle time after the scan.
  const checkMarkupWhenIdle = () =>
    void scanner
      .whenIdle()
      .then(() =>
        typeof requestIdleCallback === 'function'
          ? requestIdleCallback(checkMarkup, { timeout: 2000 })
          : setTimeout(checkMarkup, 0),
      );
  checkMarkupWhenIdle();

  setUpReplyHandlers(ctx, collector);

  let current = profile;
  const { tooltip, showFor } = setUpTooltip(
    ctx,
    scanner,
    collector,
    () => current,
    (text) => navigator?.say(text),
  );
  navigator = setUpNavigator(ctx, scanner.painter, {
    topicLabel: (topicId) => topicLabel(current, topicId),
    mentionFor: (hit) => mentionForHit(collector, hit),
    showTooltip: showFor,
  });

  const unwatch = profileItem.watch((next) => {
    current = next;
    tooltip.hide();
    collector.reset();
    navigator?.reset();
    scanner.rescanAll({ matcher: compile(next), highlightFor: highlightLookup(next) });
  });
  ctx.onInvalidated(unwatch);

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    tooltip.hide();
    collector.reset(pickAdapter(new URL(url()), document));
    navigator?.reset();
    scanner.rescanAll();
    markupChecked = false;
    checkMarkupWhenIdle();
  });
}

/** Side panel → page: insert a reply into the post's comment box, or scroll to the post. */
function setUpReplyHandlers(ctx: ContentScriptContext, collector: ReturnType<typeof createMentionCollector>) {
  const offInsert = onMessage('uiInsertReply', ({ data }) => {
    collector.flushNow();
    return insertReplyFor(collector.elementFor(data.mentionKey), data.text);
  });
  const offReveal = onMessage('uiRevealMention', ({ data }) => {
    collector.flushNow();
    const item = collector.elementFor(data.mentionKey);
    item?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    return { found: !!item };
  });
  ctx.onInvalidated(() => {
    offInsert();
    offReveal();
  });
}

function topicLabel(profile: Profile, topicId: string): string {
  if (topicId === MUNICIPALITY_TOPIC) return profile.municipality.name;
  return profile.topics.find((t) => t.id === topicId)?.label ?? topicId;
}

/** The mention a highlight stands in, as the log knows it, with the hovered term and a snippet around it. */
function mentionForHit(
  collector: ReturnType<typeof createMentionCollector>,
  hit: Pick<Hit, 'span' | 'element' | 'range'>,
): MentionInput | null {
  const item = collector.itemForNode(hit.span.startNode) ?? hit.element;
  let base = collector.mentionFor(item);
  if (!base) {
    collector.flushNow(); // extracts the items waiting for the next batch
    base = collector.mentionFor(item);
  }
  if (!base) return null;
  const text = blockText(hit.element);
  const at = text.indexOf(hit.range.toString());
  return {
    ...base,
    terms: [hit.span.term],
    topicIds: [hit.span.topicId],
    snippet: base.snippet || (at >= 0 ? snippetAround(text, at, at + hit.span.term.length) : text.slice(0, 200)),
  };
}

/** "Lauscher: Baustelle/Verkehr – ‚Baustelle‘. Alt+Pfeil nach unten: …": read when focus opens the tooltip. */
function focusAnnouncement(content: TooltipContent, shownText: string): string {
  const head = t('navFocusTip', [content.topicLabel, shownText || content.term]);
  return content.mention ? `${head} ${t('navTooltipKeys')}` : head;
}

/** Pointer and focus on highlights show the tooltip; pointermove is throttled to one hit-test per frame. */
function setUpTooltip(
  ctx: ContentScriptContext,
  scanner: Scanner,
  collector: ReturnType<typeof createMentionCollector>,
  profile: () => Profile,
  /** Says a text through the navigator's live region: the tooltip opened by focus is otherwise silent. */
  announce: (text: string) => void,
) {
  const tooltip = createTooltip(document, {
    onOpen: (m) => void sendMessage('csOpenInSidePanel', m).catch(() => undefined),
    onIgnore: (m) => void sendMessage('csIgnoreMention', m).catch(() => undefined),
    signal: ctx.signal,
  });
  let shownRange: AbstractRange | null = null;
  let frame = 0;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let x = 0;
  let y = 0;
  let overTooltip = false;

  /** Shows the tooltip for a highlight; returns what it shows, or null when it already showed that one. */
  function show(hit: Hit): TooltipContent | null {
    clearTimeout(hideTimer);
    hideTimer = undefined;
    if (tooltip.shown && hit.range === shownRange) return null;
    shownRange = hit.range;
    const rects = (hit.range as Range).getClientRects?.();
    const anchor = rects?.[0] ?? hit.element.getBoundingClientRect();
    const content = {
      topicLabel: topicLabel(profile(), hit.span.topicId),
      term: hit.span.term,
      mention: mentionForHit(collector, hit),
    };
    tooltip.show(content, anchor);
    return content;
  }
  function hideSoon() {
    if (!tooltip.shown || hideTimer) return;
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      if (!overTooltip) {
        tooltip.hide();
        shownRange = null;
      }
    }, 300);
  }

  ctx.addEventListener(
    document,
    'pointermove',
    (e: PointerEvent) => {
      overTooltip = tooltip.owns(e.target);
      if (overTooltip) {
        clearTimeout(hideTimer);
        hideTimer = undefined;
        return;
      }
      if (scanner.painter.liveCount === 0 && !tooltip.shown) return;
      x = e.clientX;
      y = e.clientY;
      if (frame) return;
      frame = ctx.requestAnimationFrame(() => {
        frame = 0;
        const hit = hitTest(scanner.painter, x, y);
        if (hit) show(hit);
        else hideSoon();
      });
    },
    { passive: true },
  );
  // Keyboard focus anywhere inside a highlighted post (its author link, a button) opens the tooltip for it.
  ctx.addEventListener(document, 'focusin', (e: FocusEvent) => {
    if (tooltip.owns(e.target) || tooltip.returningFocus || !(e.target instanceof Element)) return;
    const item = collector.itemForNode(e.target);
    const hit = firstHitWithin(scanner.painter, item ?? e.target);
    const shown = hit && show(hit);
    if (shown) announce(focusAnnouncement(shown, hit.range.toString()));
    else if (!hit) hideSoon();
  });
  ctx.addEventListener(window, 'scroll', () => tooltip.shown && !overTooltip && tooltip.hide(), {
    passive: true,
    capture: true,
  });
  return { tooltip, showFor: show };
}
