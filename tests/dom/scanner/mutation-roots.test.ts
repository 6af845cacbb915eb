// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { outermostRoots, scanRootFor } from '../../../utils/scanner/mutation-roots';

function build() {
  document.body.innerHTML = `
    <div id="feed">
      <div id="post"><p id="para">Hallo <b id="bold">Welt</b></p></div>
      <div id="other"><p>Noch was</p></div>
      <div contenteditable="true" id="editor"><p id="inEditor">Tippen</p></div>
      <textarea id="ta">x</textarea>
    </div>`;
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  return $;
}

describe('scanRootFor', () => {
  it('re-scans a text change or an inline element from its block element', () => {
    const $ = build();
    expect(scanRootFor($('bold').firstChild as Text)).toBe($('para'));
    expect(scanRootFor($('para').firstChild as Text)).toBe($('para'));
    expect(scanRootFor($('bold'))).toBe($('para'));
    expect(scanRootFor($('post'))).toBe($('post'));
    expect(scanRootFor(document.createComment('x'))).toBeNull();
  });
});

describe('outermostRoots', () => {
  it('drops nested roots and keeps the outermost', () => {
    const $ = build();
    expect(outermostRoots([$('para'), $('post'), $('bold'), $('other')])).toEqual([$('post'), $('other')]);
    expect(outermostRoots([$('para'), $('feed')])).toEqual([$('feed')]);
  });

  it('drops roots inside skipped subtrees (editors, form fields) and roots no longer in the document', () => {
    const $ = build();
    const gone = document.createElement('div');
    expect(outermostRoots([$('inEditor'), $('editor'), $('ta'), gone, $('other')])).toEqual([$('other')]);
    const post = $('post');
    const para = $('para');
    post.remove();
    expect(outermostRoots([post, para])).toEqual([]);
  });
});
