// @vitest-environment happy-dom
// Hand-built boxes (happy-dom has no editors and no execCommand): which element is a post's comment box, and that
// the insertion trusts an editor that took the paste instead of inserting a second time. The real editors are
// tested in tests/e2e/editors.e2e.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { commentBoxFor, insertReply, insertReplyFor } from '../../../utils/content/insert-reply';

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body.firstElementChild as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('commentBoxFor', () => {
  it('finds a plaintext-only box without a role', () => {
    const post = html('<div id="post"><p>Text</p><div contenteditable="plaintext-only" id="box"></div></div>');
    expect(commentBoxFor(post)?.id).toBe('box');
  });

  it('takes the editing host, not an editable part inside it', () => {
    const post = html(
      '<div><div contenteditable="true" id="host"><p><span contenteditable="true" id="inner">x</span></p></div></div>',
    );
    expect(commentBoxFor(post)?.id).toBe('host');
  });

  it('skips boxes a user cannot type in', () => {
    const post = html(`<div>
      <div contenteditable="false">Zitat</div>
      <textarea disabled></textarea><textarea readonly></textarea>
      <div aria-hidden="true"><div contenteditable="true"></div></div>
      <div hidden><textarea></textarea></div>
      <textarea id="ok"></textarea></div>`);
    expect(commentBoxFor(post)?.id).toBe('ok');
  });

  it('looks from a comment up to the box of its post', () => {
    const post = html(
      '<div><div role="article" id="comment">Antwort</div><div><div role="textbox" contenteditable="" id="box"></div></div></div>',
    );
    expect(commentBoxFor(post.querySelector('#comment') as Element)?.id).toBe('box');
  });

  it('reports a post without a box', async () => {
    const post = html('<div><p>Kommentare deaktiviert</p></div>');
    expect(commentBoxFor(post)).toBeNull();
    expect(await insertReplyFor(post, 'Hallo')).toEqual({ status: 'noBox' });
    expect(await insertReplyFor(undefined, 'Hallo')).toEqual({ status: 'noBox' });
  });
});

describe('insertReply', () => {
  it('an editor that takes the paste gets the text once, through its own code', async () => {
    const box = html('<div contenteditable="true"></div>');
    box.addEventListener('paste', (e) => {
      e.preventDefault();
      // like Lexical: applied a little later than the event
      const text = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      setTimeout(() => box.append(text), 30);
    });
    expect(await insertReply(box, 'Guten Tag 😊')).toEqual({ status: 'inserted', method: 'paste' });
    expect(box.textContent).toBe('Guten Tag 😊');
  });

  it('an editor that takes the paste but shows nothing: not taken, and no second insertion', async () => {
    const box = html('<div contenteditable="true"></div>');
    box.addEventListener('paste', (e) => e.preventDefault());
    expect(await insertReply(box, 'Guten Tag')).toEqual({ status: 'notTaken' });
    expect(box.textContent).toBe('');
  });

  it('a failing insertion is caught and reported, never thrown into the page', async () => {
    const box = html('<textarea></textarea>') as HTMLTextAreaElement;
    box.setRangeText = () => {
      throw new Error('broken');
    };
    // happy-dom has no execCommand either: both ways fail
    expect(await insertReply(box, 'Guten Tag')).toEqual({ status: 'notTaken' });
  });
});
