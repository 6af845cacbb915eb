// @vitest-environment happy-dom
// An ignored post: its highlights go at once and do not come back when the page is scanned again.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPainter } from '../../../utils/scanner/painter';
import { type FakeHighlight, FakeVisibility, fakeVisibility, highlightTexts, installStubs, spanIn } from './_stubs';

let registry: Map<string, FakeHighlight>;

const span = spanIn;

beforeEach(() => {
  registry = installStubs();
  FakeVisibility.everythingVisible = false;
  document.body.innerHTML =
    '<article id="p1"><p id="a">Baustelle am Markt</p><p id="b">Stau am Ring</p></article>' +
    '<article id="p2"><p id="c">Baustelle am Bahnhof</p></article>';
});

const $ = (id: string) => document.getElementById(id) as HTMLElement;

describe('painter.forget', () => {
  it('drops the blocks inside the ignored post only, and keeps them off on later scans', () => {
    const painter = createPainter(document, { visibility: fakeVisibility });
    painter.set($('a'), [span($('a'), 'Baustelle')], $('p1'));
    painter.set($('b'), [span($('b'), 'Stau')], $('p1'));
    painter.set($('c'), [span($('c'), 'Baustelle')], $('p2'));
    FakeVisibility.instances.at(-1)?.report([$('p1'), $('p2')], true);
    expect(highlightTexts(registry)).toEqual({ 'lauscher-amber': ['Baustelle', 'Stau', 'Baustelle'] });

    painter.forget($('p1'));
    expect(highlightTexts(registry)).toEqual({ 'lauscher-amber': ['Baustelle'] });
    expect(painter.stats().blocks).toBe(1);

    // A re-scan (new terms, a mutation in the post) paints it again: refused.
    painter.set($('a'), [span($('a'), 'Baustelle')], $('p1'));
    painter.append($('b'), [span($('b'), 'Stau')], $('p1'));
    expect(highlightTexts(registry)).toEqual({ 'lauscher-amber': ['Baustelle'] });
    expect(painter.stats().blocks).toBe(1);
  });
});
