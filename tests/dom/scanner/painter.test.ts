// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPainter } from '../../../utils/scanner/painter';
import {
  type FakeHighlight,
  FakeVisibility,
  fakeVisibility,
  flushMicrotasks,
  highlightTexts,
  installStubs,
  spanIn,
} from './_stubs';

let registry: Map<string, FakeHighlight>;

const span = spanIn;

beforeEach(() => {
  registry = installStubs();
  FakeVisibility.everythingVisible = false;
  document.body.innerHTML = '<p id="a">Baustelle und Stau</p><p id="b">Hochwasser in Musterstadt</p>';
});

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const io = () => FakeVisibility.instances.at(-1) as FakeVisibility;

describe('painter', () => {
  it('registers ranges only while their block is near the viewport', () => {
    const painter = createPainter(document, { visibility: fakeVisibility });
    painter.set($('a'), [span($('a'), 'Baustelle'), span($('a'), 'Stau')]);
    expect(painter.stats()).toEqual({ blocks: 1, spans: 2, live: 0 });
    expect(highlightTexts(registry)).toEqual({});
    io().report([$('a')], true);
    expect(highlightTexts(registry)).toEqual({ 'lauscher-amber': ['Baustelle', 'Stau'] });
    expect(painter.liveCount).toBe(2);
    io().report([$('a')], false);
    expect(highlightTexts(registry)).toEqual({});
    expect(painter.liveCount).toBe(0);
    expect(painter.stats().spans).toBe(2); // kept as offsets
  });

  it('set replaces, append adds, an empty set drops the block', () => {
    const painter = createPainter(document, { visibility: fakeVisibility });
    painter.set($('a'), [span($('a'), 'Baustelle')]);
    io().report([$('a')], true);
    painter.set($('a'), [span($('a'), 'Stau')]);
    expect(highlightTexts(registry)['lauscher-amber']).toEqual(['Stau']);
    painter.append($('a'), [span($('a'), 'Baustelle')]);
    expect(highlightTexts(registry)['lauscher-amber']).toEqual(['Stau', 'Baustelle']);
    painter.set($('a'), []);
    expect(painter.stats()).toEqual({ blocks: 0, spans: 0, live: 0 });
    expect(io().targets.has($('a'))).toBe(false);
  });

  it('knows which span and block a registered range is (tooltip), and lists live blocks (hit-test)', () => {
    const painter = createPainter(document, { visibility: fakeVisibility });
    painter.set($('b'), [
      span($('b'), 'Hochwasser', 'lauscher-blue', 'unwetter'),
      span($('b'), 'Musterstadt', 'lauscher-municipality', 'municipality'),
    ]);
    io().report([$('b')], true);
    const [range] = [...(registry.get('lauscher-municipality') as FakeHighlight)];
    const info = painter.lookup(range as AbstractRange);
    expect(info?.span.term).toBe('Musterstadt');
    expect(info?.span.topicId).toBe('municipality');
    expect(info?.element).toBe($('b'));
    expect([...painter.liveBlocks()].map((b) => [b.element.id, b.ranges.length])).toEqual([['b', 2]]);
    expect(painter.lookup(document.createRange())).toBeUndefined();
  });

  it('sweep drops blocks that left the document and releases their ranges', () => {
    const painter = createPainter(document, { visibility: fakeVisibility });
    painter.set($('a'), [span($('a'), 'Stau')]);
    painter.set($('b'), [span($('b'), 'Hochwasser', 'lauscher-blue')]);
    io().report([$('a'), $('b')], true);
    const a = $('a');
    a.remove();
    painter.sweep();
    expect(painter.stats()).toEqual({ blocks: 1, spans: 1, live: 1 });
    expect(highlightTexts(registry)).toEqual({ 'lauscher-blue': ['Hochwasser'] });
    expect(io().targets.has(a)).toBe(false);
  });

  it('destroy removes its highlights from the registry', async () => {
    const painter = createPainter(document, { visibility: fakeVisibility });
    expect(registry.size).toBeGreaterThan(0);
    painter.destroy();
    await flushMicrotasks();
    expect(registry.size).toBe(0);
  });
});
