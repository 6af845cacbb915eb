// Content-script main: picks the site adapter, starts the scanner, wires it to the log and to settings changes.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type SettingsProblem, settingsProblemsItem } from '../background/status-items';
import { t } from '../i18n';
import {
  compileTolerantSteps,
  type Matcher,
  MUNICIPALITY_TOPIC,
  REASON_MESSAGE_KEYS,
  runStepsInSlices,
  type SliceOptions,
} from '../matcher';
import { onMessage, sendMessage } from '../messaging';
import type { MentionInput } from '../model';
import { markupChanged, pickAdapter } from '../platforms';
import { createScanner, type Scanner, type ScanStats } from '../scanner';
import { adoptHighlightStyles, highlightName, MUNICIPALITY_HIGHLIGHT } from '../scanner/highlight-styles';
import { firstHitWithin, type Hit, hitTest } from '../scanner/hit-test';
import { isInSkippedSubtree } from '../scanner/text-blocks';
import { matcherConfigOf, type Profile, profileItem } from '../settings';
import { flushOnHide } from './flush-on-hide';
import { insertReplyFor } from './insert-reply';
import { type MentionNavigator, setUpNavigator } from './navigator';
import { createPostIndex, type LogStats, type PostIndex } from './post-index';
import { gatePage, type PageScope, type RunningMode } from './site-gate';
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
 * utils/content/post-index.ts), `document` receives `lauscher:logged` with the index's counters as JSON.
 */
export const LOGGED_EVENT = 'lauscher:logged';

function announceLogged(stats: LogStats) {
  document.dispatchEvent(new CustomEvent(LOGGED_EVENT, { detail: JSON.stringify(stats) }));
}

/** Posts read per message when the page is hidden or closed: each chunk leaves before the next is read. */
const HIDE_CHUNK = 50;

/** What highlighting depends on: the matcher's configuration and the topics' colours. */
function scanKeyOf(profile: Profile): string {
  return JSON.stringify([matcherConfigOf(profile), profile.topics.map((t) => [t.id, t.color])]);
}

function highlightLookup(profile: Profile) {
  const byTopic = new Map(profile.topics.map((t) => [t.id, highlightName(t.color)]));
  return (topicId: string) =>
    topicId === MUNICIPALITY_TOPIC ? MUNICIPALITY_HIGHLIGHT : (byTopic.get(topicId) ?? null);
}

/**
 * Compiling in slices: at page load an ordinary profile (a few hundred terms, ~2–5 ms) compiles at once, so the viewport
 * can be painted in the page's first frame; a big one (thousands of terms, 40 ms and more) gives the page its turn
 * between slices instead of making a long task. After a settings change nothing waits for a frame: 8 ms from the start.
 */
const PAUSE = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const AT_LOAD: SliceOptions = { firstMs: 25, sliceMs: 8, pause: PAUSE };
const ON_CHANGE: SliceOptions = { firstMs: 8, sliceMs: 8, pause: PAUSE };

/**
 * Never goes dark on a bad stored setting: highlights what compiles, reports the terms left out. Undefined when
 * `cancelled` said so between two slices.
 */
async function compile(profile: Profile, slices: SliceOptions): Promise<Matcher | undefined> {
  const result = await runStepsInSlices(compileTolerantSteps(matcherConfigOf(profile)), slices);
  if (!result) return undefined;
  const { matcher, problems } = result;
  void reportSettingsProblems(
    problems.map((p) => ({ topicId: p.topicId, term: p.term, messageKey: REASON_MESSAGE_KEYS[p.reason] })),
  );
  return matcher;
}

/** Tells the popup and options which stored terms were left out; writes only when that changes. */
async function reportSettingsProblems(problems: SettingsProblem[]): Promise<void> {
  try {
    const stored = await settingsProblemsItem.getValue();
    if (JSON.stringify(stored) !== JSON.stringify(problems)) await settingsProblemsItem.setValue(problems);
  } catch (err) {
    console.warn('[Lauscher]', err);
  }
}

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** The URL first: in private areas and on sites switched off nothing else runs (utils/content/site-gate.ts). */
export function startLauscher(ctx: ContentScriptContext): void {
  gatePage(ctx, (scope, mode) => void runLauscher(scope, mode));
}

let stylesAdopted = false;

/** One session on an observed page; everything it starts ends with `ctx` (the gate's scope). */
async function runLauscher(ctx: PageScope, mode: RunningMode): Promise<void> {
  if (!stylesAdopted) adoptHighlightStyles(document);
  stylesAdopted = true;
  const profile = await profileItem.getValue();
  // While the page is still parsing: compiling does not wait for the DOM.
  const matcher = await compile(profile, AT_LOAD);
  await domReady();
  if (ctx.isInvalid || !matcher) return;

  const url = () => location.href;
  let scanner: Scanner | undefined;
  let navigator: MentionNavigator | undefined;
  const logMentions = sendFor(ctx, mode);
  const index = createPostIndex({
    adapter: pickAdapter(new URL(url()), document),
    pageUrl: url,
    // The log answers with the keys the team ignored: after a reload they lose their highlights again.
    send: (mentions) =>
      logMentions(mentions).then(({ ignored }) => {
        if (scanner) forgetAll(scanner, index, ignored);
      }),
    isBusy: () => !!scanner?.busy,
    onLogged: TEST_HOOKS ? announceLogged : undefined,
  });
  ctx.onInvalidated(() => index.reset());
  scanner = createScanner({
    doc: document,
    matcher,
    highlightFor: highlightLookup(profile),
    onMatches: (block, matches) => {
      navigator?.invalidate();
      return index.add(block, matches);
    },
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
    // The scan found posts where the adapter expects them: the markup is fine, no need to query the page for them
    // (on the 2,000-post bench feed that query alone took ~40 ms).
    if (index.stats().located > 0) return;
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

  setUpReplyHandlers(ctx, index);
  flushOnHide(ctx, () => index.flushInChunks(HIDE_CHUNK));
  setUpForgetHandler(ctx, scanner, index);
  ctx.onInvalidated(onMessage('bgAskPageUrl', () => ({ url: location.href })));

  let current = profile;
  const { tooltip, showFor } = setUpTooltip(
    ctx,
    scanner,
    index,
    () => current,
    (text) => navigator?.say(text),
  );
  navigator = setUpNavigator(ctx, scanner.painter, {
    topicLabel: (topicId) => topicLabel(current, topicId),
    mentionFor: (hit) => index.mentionAt(hit.span.startNode),
    showTooltip: showFor,
  });

  // A change of terms or colours compiles in slices while the old terms stay painted, and only the newest one is
  // applied. Any other change (a label, a reply template, the pseudonym key the background adds to a saved profile)
  // rescans nothing: every open tab used to re-read its whole page for each edit of a template.
  let scanKey = scanKeyOf(profile);
  let latest = profile;
  let change = 0;
  let compiling = false;
  const unwatch = profileItem.watch(async (next) => {
    latest = next;
    const key = scanKeyOf(next);
    if (key === scanKey) {
      if (!compiling) current = next;
      return;
    }
    scanKey = key;
    const mine = ++change;
    compiling = true;
    const nextMatcher = await compile(next, { ...ON_CHANGE, cancelled: () => mine !== change || ctx.isInvalid });
    if (mine !== change || ctx.isInvalid || !nextMatcher) return;
    compiling = false;
    // the newest profile: a later save with the same terms (and another label) may have come in meanwhile
    current = latest;
    tooltip.hide();
    index.reset();
    navigator?.reset();
    scanner.rescanAll({ matcher: nextMatcher, highlightFor: highlightLookup(latest) });
  });
  ctx.onInvalidated(unwatch);

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    tooltip.hide();
    index.reset(pickAdapter(new URL(url()), document));
    navigator?.reset();
    scanner.rescanAll();
    markupChecked = false;
    checkMarkupWhenIdle();
  });
}

/**
 * "Observe only" highlights but sends nothing to the log, only asks which of the posts were hidden; a session that
 * ended sends nothing at all.
 */
function sendFor(ctx: PageScope, mode: RunningMode) {
  return async (mentions: MentionInput[]): Promise<{ stored: number; ignored?: string[] }> => {
    if (ctx.isInvalid) return { stored: 0 };
    if (mode === 'log') return sendMessage('csLogMentions', mentions);
    return {
      stored: 0,
      ignored: await sendMessage(
        'csHiddenAmong',
        mentions.map((m) => m.mentionKey),
      ),
    };
  };
}

/** Drops the highlights of these posts or comments on this page, for good (the painter keeps them forgotten). */
function forgetAll(scanner: Scanner, index: PostIndex, mentionKeys: readonly string[] = []) {
  for (const key of mentionKeys) {
    const item = index.elementFor(key);
    if (item) scanner.painter.forget(item);
  }
}

/** Side panel → page: insert a reply into the post's comment box, or scroll to the post. */
function setUpReplyHandlers(ctx: PageScope, index: PostIndex) {
  // Every mention the side panel knows was read on this page before it was logged: no reading is needed here.
  const offInsert = onMessage('uiInsertReply', ({ data }) =>
    insertReplyFor(index.elementFor(data.mentionKey), data.text),
  );
  const offReveal = onMessage('uiRevealMention', ({ data }) => {
    const item = index.elementFor(data.mentionKey);
    item?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    return { found: !!item };
  });
  ctx.onInvalidated(() => {
    offInsert();
    offReveal();
  });
}

/** Background → page: the user ignored a mention (tooltip, popup): its post's highlights go, here and for good. */
function setUpForgetHandler(ctx: PageScope, scanner: Scanner, index: PostIndex) {
  const off = onMessage('bgForgetMention', ({ data }) => forgetAll(scanner, index, [data.mentionKey]));
  ctx.onInvalidated(off);
}

function topicLabel(profile: Profile, topicId: string): string {
  if (topicId === MUNICIPALITY_TOPIC) return profile.municipality.name;
  return profile.topics.find((t) => t.id === topicId)?.label ?? topicId;
}

/** The node the browser's hit test found under the pointer, inside open shadow roots too (the hit-test's index). */
function pointerTarget(e: PointerEvent): Node | null {
  const first = e.composedPath()[0];
  return first instanceof Node ? first : null;
}

/** "Lauscher: Baustelle/Verkehr – ‚Baustelle‘. Alt+Pfeil nach unten: …": read when focus opens the tooltip. */
function focusAnnouncement(content: TooltipContent, shownText: string): string {
  const head = t('navFocusTip', [content.topicLabel, shownText || content.term]);
  return content.mention ? `${head} ${t('navTooltipKeys')}` : head;
}

/** `:focus-visible`, i.e. focus the browser shows a ring for (keyboard); true where the selector is unknown. */
function matchesFocusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true;
  }
}

/** Pointer moves closer together than this share one hit-test (the last position wins). */
const MOVE_INTERVAL_MS = 16;
/** How long the pointer rests on a highlight before the tooltip opens. */
const HOVER_REST_MS = 250;
/** How far the pointer may drift while it rests (px). */
const REST_SLOP_PX = 6;

/** Pointer and focus on highlights show the tooltip; pointermove is throttled to one hit-test per frame's time. */
function setUpTooltip(
  ctx: PageScope,
  scanner: Scanner,
  index: PostIndex,
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
  let lastTest = Number.NEGATIVE_INFINITY;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let x = 0;
  let y = 0;
  let overTooltip = false;
  let target: Node | null = null;

  let shownFor = '';
  let shownBlock: Element | null = null;
  /** Shows the tooltip for a highlight; returns what it shows, or null when it already showed that one. */
  function show(hit: Hit): TooltipContent | null {
    clearTimeout(hideTimer);
    hideTimer = undefined;
    // The same term of the same topic in the same block (a post naming the town 3,000 times): the tooltip already
    // says it, and leaving the page's DOM alone keeps a pointer move over such a post as cheap as over any other.
    const key = `${hit.span.topicId}\u0000${hit.span.term}`;
    if (tooltip.shown && (hit.range === shownRange || (hit.element === shownBlock && key === shownFor))) return null;
    shownRange = hit.range;
    shownBlock = hit.element;
    shownFor = key;
    const rects = (hit.range as Range).getClientRects?.();
    const anchor = rects?.[0] ?? hit.element.getBoundingClientRect();
    const content = {
      topicLabel: topicLabel(profile(), hit.span.topicId),
      term: hit.span.term,
      mention: index.mentionAt(hit.span.startNode),
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

  /**
   * A hover that has to rest before the tooltip opens (it then stays while the pointer goes from one to the next).
   * Resting means staying within REST_SLOP_PX of where the pointer slowed down, so a hand that trembles still rests.
   */
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  let restX = 0;
  let restY = 0;
  function testPointer(at: number) {
    lastTest = at;
    if (ctx.signal.aborted) return;
    const hit = hitTest(scanner.painter, x, y, target);
    if (!hit) {
      clearTimeout(restTimer);
      restTimer = undefined;
      hideSoon();
    } else if (tooltip.shown) show(hit);
    else if (!restTimer || Math.hypot(x - restX, y - restY) > REST_SLOP_PX) {
      // A pointer passing over highlights on its way elsewhere (to a comment box below, across a post naming the
      // town in every line) must not get a tooltip in its path; one that rests on a highlight does. Showing it
      // is also what costs: any change to the page makes Chromium repaint every highlighted text node.
      clearTimeout(restTimer);
      restX = x;
      restY = y;
      restTimer = setTimeout(() => {
        restTimer = undefined;
        const still = hitTest(scanner.painter, x, y, target);
        if (still) show(still);
      }, HOVER_REST_MS);
    }
  }
  ctx.signal.addEventListener(
    'abort',
    () => {
      clearTimeout(trailing);
      clearTimeout(restTimer);
    },
    { once: true },
  );

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
      target = pointerTarget(e);
      // At most one hit-test per frame's worth of time, the latest position last. A timer, not an animation frame:
      // a frame requested per move would make the page render twice as many frames while the pointer moves.
      const since = e.timeStamp - lastTest;
      if (since >= MOVE_INTERVAL_MS) testPointer(e.timeStamp);
      else if (!trailing) {
        trailing = setTimeout(() => {
          trailing = undefined;
          testPointer(performance.now());
        }, MOVE_INTERVAL_MS - since);
      }
    },
    { passive: true },
  );
  // Keyboard focus anywhere inside a highlighted post (its author link, a button) opens the tooltip for it.
  ctx.addEventListener(document, 'focusin', (e: FocusEvent) => {
    if (tooltip.owns(e.target) || tooltip.returningFocus || !(e.target instanceof Element)) return;
    // Keyboard focus only, and not into a comment box or form field: a click into the reply box to type must not
    // get a tooltip over the post (and over the box itself).
    if (isInSkippedSubtree(e.target) || !matchesFocusVisible(e.target)) return;
    const item = index.itemAt(e.target);
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
