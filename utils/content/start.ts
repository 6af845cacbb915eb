// Content-script main: picks the site adapter, starts the scanner, wires it to the log and to settings changes.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, MUNICIPALITY_TOPIC } from '../matcher';
import { createMentionCollector } from '../mention-collector';
import { sendMessage } from '../messaging';
import { pickAdapter } from '../platforms';
import { createScanner } from '../scanner';
import { adoptHighlightStyles, highlightName, MUNICIPALITY_HIGHLIGHT } from '../scanner/highlight-styles';
import { matcherConfigOf, type Profile, profileItem } from '../settings';

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
  const collector = createMentionCollector({
    adapter: pickAdapter(new URL(url()), document),
    pageUrl: url,
    send: (mentions) => sendMessage('csLogMentions', mentions),
  });
  const scanner = createScanner({
    doc: document,
    matcher: compile(profile),
    highlightFor: highlightLookup(profile),
    onMatches: (found) => collector.collect(found),
    onShadowRoot: adoptHighlightStyles,
    signal: ctx.signal,
  });
  scanner.start();

  const unwatch = profileItem.watch((next) => {
    collector.reset();
    scanner.rescanAll({ matcher: compile(next), highlightFor: highlightLookup(next) });
  });
  ctx.onInvalidated(unwatch);

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    collector.reset(pickAdapter(new URL(url()), document));
    scanner.rescanAll();
  });
}
