// @vitest-environment happy-dom
// The navigator over painted spans: reading order regardless of the order blocks were painted in, off-screen spans
// (kept as offsets, not registered) included, wrap-around, the announcement from the real German locale, and no
// change to the page's own DOM beyond Lauscher's <lauscher-ui> host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createNavigator, inReadingOrder } from '../../../utils/content/navigator';
import type { MentionInput } from '../../../utils/model';
import { createPainter, type Span } from '../../../utils/scanner/painter';
import { FakeVisibility, fakeVisibility, installStubs } from '../scanner/_stubs';

const DE = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'de', 'messages.json'), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** chrome.i18n.getMessage over the real German messages (named placeholders → $1…). */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = DE[key];
  if (!entry) return '';
  const values = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toUpperCase()]?.content ?? '';
    return values[Number(content.slice(1)) - 1] ?? '';
  });
}

function span(id: string, word: string, topicId = 'bau'): Span {
  const text = document.getElementById(id)?.firstChild as Text;
  const start = text.data.indexOf(word);
  return {
    name: 'lauscher-amber',
    topicId,
    term: word,
    startNode: text,
    startOffset: start,
    endNode: text,
    endOffset: start + word.length,
  };
}

const LABELS: Record<string, string> = { bau: 'Baustelle/Verkehr', municipality: 'Musterstadt' };

beforeEach(() => {
  installStubs();
  FakeVisibility.everythingVisible = false; // nothing registered: every span is kept as offsets
  for (const host of document.querySelectorAll('lauscher-ui')) host.remove();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as never);
  document.body.innerHTML =
    '<article id="p1"><p id="a">Die Baustelle in Musterstadt</p><p id="b">und der Stau</p></article>' +
    '<article id="p2"><p id="c">Noch eine Umleitung</p></article>';
});

function setUp(mention: (el: Element) => MentionInput | null = () => null) {
  const painter = createPainter(document, { visibility: fakeVisibility });
  // Painted out of reading order, as a scan of appended posts and re-scanned blocks does.
  painter.set(document.getElementById('c') as Element, [span('c', 'Umleitung')]);
  painter.set(document.getElementById('a') as Element, [
    span('a', 'Musterstadt', 'municipality'),
    span('a', 'Baustelle'),
  ]);
  painter.set(document.getElementById('b') as Element, [span('b', 'Stau')]);
  const abort = new AbortController();
  const nav = createNavigator({
    doc: document,
    spans: () => painter.allSpans(),
    describe: (info) => ({ topicLabel: LABELS[info.span.topicId] ?? '', term: info.span.term, snippet: '' }),
    mentionOf: (info) => mention(info.element),
    authorLabel: async () => 'Person 3F9A',
    signal: abort.signal,
  });
  return { nav, painter, abort };
}

const liveText = () =>
  document.querySelector('lauscher-ui')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
async function said() {
  await vi.waitFor(() => expect(liveText()).not.toBe(''));
  return liveText();
}

describe('mention navigator', () => {
  it('orders spans by their place in the document, not by when they were painted', () => {
    const { painter } = setUp();
    expect(inReadingOrder(painter.allSpans()).map((x) => x.span.term)).toEqual([
      'Baustelle',
      'Musterstadt',
      'Stau',
      'Umleitung',
    ]);
  });

  it('walks them in reading order with wrap-around and reads each through a live region', async () => {
    const post = { kind: 'post', author: 'Sabine Kraus' } as MentionInput;
    const { nav } = setUp((el) => (el.id === 'c' ? ({ kind: 'comment', author: 'Jana' } as MentionInput) : post));
    const before = document.body.innerHTML;
    const out: string[] = [];
    for (let i = 0; i < 5; i++) {
      await nav.next();
      out.push(await said());
    }
    expect(out).toEqual([
      'Erwähnung 1 von 4: Baustelle/Verkehr – ‚Baustelle‘ in Beitrag von Person 3F9A',
      'Erwähnung 2 von 4: Musterstadt – ‚Musterstadt‘ in Beitrag von Person 3F9A',
      'Erwähnung 3 von 4: Baustelle/Verkehr – ‚Stau‘ in Beitrag von Person 3F9A',
      'Erwähnung 4 von 4: Baustelle/Verkehr – ‚Umleitung‘ in Kommentar von Person 3F9A',
      'Erwähnung 1 von 4: Baustelle/Verkehr – ‚Baustelle‘ in Beitrag von Person 3F9A',
    ]);
    await nav.previous();
    expect(await said()).toMatch(/^Erwähnung 4 von 4: /);
    // The page's own DOM is as it was; Lauscher's UI is one host element outside <body>.
    expect(document.body.innerHTML).toBe(before);
    const host = document.querySelector('lauscher-ui') as HTMLElement;
    expect(host.parentElement).toBe(document.documentElement);
    const live = host.shadowRoot?.querySelector('[role="status"]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.getAttribute('aria-label')).toBe('Lauscher-Ansagen');
    expect((host.shadowRoot?.querySelector('.outline') as HTMLElement | null)?.hidden).toBe(false);
  });

  it('continues from where a re-scanned mention stood, and says so when the page has none', async () => {
    const { nav, painter } = setUp();
    await nav.next();
    await nav.next(); // on "Musterstadt"
    await said();
    // The block is scanned again: new span objects for the same words.
    painter.set(document.getElementById('a') as Element, [
      span('a', 'Musterstadt', 'municipality'),
      span('a', 'Baustelle'),
    ]);
    nav.invalidate();
    await nav.next();
    await vi.waitFor(() => expect(liveText()).toMatch(/^Erwähnung 3 von 4: .*‚Stau‘$/));
    painter.clear();
    nav.invalidate();
    await nav.next();
    await vi.waitFor(() => expect(liveText()).toBe('Auf dieser Seite gibt es keine Erwähnungen.'));
  });

  it("lists the page's mentions with stable ids and jumps to one by id", async () => {
    const { nav } = setUp();
    const first = nav.pageMentions();
    expect(first.items.map((x) => x.term)).toEqual(['Baustelle', 'Musterstadt', 'Stau', 'Umleitung']);
    expect(nav.pageMentions().items.map((x) => x.id)).toEqual(first.items.map((x) => x.id));
    expect(await nav.goTo(first.items[2]?.id as number)).toBe(true);
    expect(await said()).toMatch(/^Erwähnung 3 von 4: /);
    expect(nav.pageMentions().currentId).toBe(first.items[2]?.id);
    expect(await nav.goTo(-1)).toBe(false);
  });
});
