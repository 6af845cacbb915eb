// @vitest-environment happy-dom
// The collector's bounded reads (issue 12): the tooltip reads only the hovered item, and "read everything now" (side
// panel) yields to the page between slices instead of reading thousands of posts in one task.
import { describe, expect, it } from 'vitest';
import { createMentionCollector } from '../../utils/mention-collector';
import type { MentionInput } from '../../utils/model';
import { generic } from '../../utils/platforms/generic';
import { collectBlocks } from '../../utils/scanner/text-blocks';

function page(posts: number) {
  document.body.innerHTML = Array.from(
    { length: posts },
    (_, i) => `<article id="post-${i}"><p>Beitrag ${i} über Lindenbrück</p></article>`,
  ).join('');
}

function collectAll(collector: ReturnType<typeof createMentionCollector>) {
  collector.collect(
    collectBlocks(document.body).map((block) => ({
      block,
      matches: [
        {
          start: block.text.indexOf('Lindenbrück'),
          end: block.text.length,
          term: 'Lindenbrück',
          topicId: 'municipality',
        },
      ],
    })),
  );
}

describe('mention collector: bounded reads', () => {
  it('readNow reads and sends only the item asked for', async () => {
    page(50);
    const sent: MentionInput[][] = [];
    const collector = createMentionCollector({
      adapter: generic,
      pageUrl: () => 'https://lokal.example/forum',
      send: async (m) => sent.push(m),
      delayMs: 60_000,
    });
    collectAll(collector);
    const el = document.getElementById('post-7') as Element;
    expect(collector.mentionFor(el)).toBeUndefined();
    const m = collector.readNow(el);
    expect(m?.permalink).toContain('#post-7');
    expect(collector.stats().extracted).toBe(1);
    expect(sent.flat().map((x) => x.permalink)).toEqual([m?.permalink]);
  });

  it('flushSoon reads everything in slices of at most sliceMs, yielding between them', async () => {
    page(400);
    const sent: MentionInput[][] = [];
    const collector = createMentionCollector({
      adapter: generic,
      pageUrl: () => 'https://lokal.example/forum',
      send: async (m) => sent.push(m),
      delayMs: 60_000,
      sliceMs: 0, // one item per slice: every item after the first waits for a task of its own
    });
    collectAll(collector);
    let tasks = 0;
    const ticker = setInterval(() => tasks++, 0);
    await collector.flushSoon();
    clearInterval(ticker);
    expect(sent.flat()).toHaveLength(400);
    expect(collector.stats().extracted).toBe(400);
    expect(tasks).toBeGreaterThan(0);
  });
});
