// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { blockText, collectBlocks, nodeIndexAt, type TextBlock } from '../../../utils/scanner/text-blocks';

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

/** The DOM text between two block offsets, through a real Range (as the painter builds it). */
function rangeText(block: TextBlock, start: number, end: number): string {
  const a = nodeIndexAt(block.starts, start, false);
  const b = nodeIndexAt(block.starts, end, true);
  const range = document.createRange();
  range.setStart(block.nodes[a] as Text, start - (block.starts[a] as number));
  range.setEnd(block.nodes[b] as Text, end - (block.starts[b] as number));
  return range.toString();
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('walking and skipping', () => {
  it('skips script, style, noscript, textarea, input, select, contenteditable and its own UI', () => {
    const root = html(`
      <div>Sichtbar</div>
      <script>var Geheim = 1;</script><style>.Geheim{}</style><noscript>Geheim</noscript>
      <textarea>Geheim im Textfeld</textarea><input value="Geheim">
      <select><option>Geheim</option></select>
      <div contenteditable="true"><p>Geheim im Editor</p></div>
      <div contenteditable=""><span>Geheim leer</span></div>
      <div contenteditable="false">Sichtbar auch</div>
      <lauscher-ui>Geheim im Tooltip</lauscher-ui>`);
    const texts = collectBlocks(root).map((b) => b.text.trim());
    expect(texts).toEqual(['Sichtbar', 'Sichtbar auch']);
  });

  it('skips whitespace-only blocks', () => {
    expect(collectBlocks(html('<div>   </div><div>\n</div><p>Text</p>')).map((b) => b.text)).toEqual(['Text']);
  });
});

describe('merging inline text', () => {
  it('"Stutt<b>gart</b>" is one block whose ranges map back across nodes', () => {
    const [block, ...rest] = collectBlocks(
      html('<p>Grüße aus Stutt<b>gart</b> und <a href="#">Eß<i>lingen</i></a>!</p>'),
    );
    expect(rest).toHaveLength(0);
    if (!block) throw new Error('no block');
    expect(block.text).toBe('Grüße aus Stuttgart und Eßlingen!');
    expect(block.nodes).toHaveLength(6);
    expect(block.element.tagName).toBe('P');
    const s = block.text.indexOf('Stuttgart');
    expect(rangeText(block, s, s + 'Stuttgart'.length)).toBe('Stuttgart');
    const e = block.text.indexOf('Eßlingen');
    expect(rangeText(block, e, e + 'Eßlingen'.length)).toBe('Eßlingen');
    // A match ending exactly at a node boundary ends in that node, not at 0 of the next one.
    expect(rangeText(block, s, s + 'Stutt'.length)).toBe('Stutt');
    expect(nodeIndexAt(block.starts, s + 5, true)).toBe(0);
    expect(nodeIndexAt(block.starts, s + 5, false)).toBe(1);
  });

  it('<br> splits a block element into separate blocks', () => {
    const blocks = collectBlocks(html('<div>Musterstadt<br>Baustelle <b>heute</b><br/>Ende</div>'));
    expect(blocks.map((b) => b.text)).toEqual(['Musterstadt', 'Baustelle heute', 'Ende']);
    expect(new Set(blocks.map((b) => b.element)).size).toBe(1);
  });

  it('block elements separate text; nested blocks are their own blocks', () => {
    const blocks = collectBlocks(html('<div>Vorher <div>Innen</div> Nachher</div>'));
    expect(blocks.map((b) => b.text.trim())).toEqual(['Vorher', 'Innen', 'Nachher']);
  });
});

describe('blockText', () => {
  it('keeps block boundaries as line breaks ("Lisa\\nNeu", not "LisaNeu")', () => {
    const root = html('<div><div><a href="#">Lisa</a></div><div><span>Neu</span>  in   der Stadt</div></div>');
    expect(root.textContent).toContain('LisaNeu');
    expect(blockText(root)).toBe('Lisa\nNeu in der Stadt');
  });
});
