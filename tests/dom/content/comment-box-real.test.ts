// @vitest-environment happy-dom
// Real saved pages (tests/fixtures/<site>/): the comment box found for a post, and for a comment under it, is the
// editor people type their reply in (Facebook's Lexical box, Instagram's textarea).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentBoxFor } from '../../../utils/content/insert-reply';

function load(path: string): Document {
  const html = readFileSync(resolve(__dirname, '../../fixtures', path), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the comment box of a post on real pages', () => {
  it("facebook/2022-04-www-feed-en.html: Lexical's root, from the post and from a comment", () => {
    const doc = load('facebook/2022-04-www-feed-en.html');
    const editors = [...doc.querySelectorAll<HTMLElement>('[data-lexical-editor]')];
    let checked = 0;
    for (const editor of editors) {
      const post = editor.closest('[aria-posinset], [role="article"]');
      if (!post) continue;
      checked++;
      expect(commentBoxFor(post)).toBe(editor);
      const comment = post.querySelector('[role="article"]');
      if (comment) expect(commentBoxFor(comment)).toBe(editor);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("facebook/2025-07-www-feed-sponsored.html: a Messenger chat box is never a post's comment box", () => {
    const doc = load('facebook/2025-07-www-feed-sponsored.html');
    expect(doc.querySelector('[data-lexical-editor][aria-label="Message"]')).toBeTruthy();
    for (const item of doc.querySelectorAll('[aria-posinset], [role="article"]'))
      expect(commentBoxFor(item)).toBeNull();
  });

  it('x/2025-02-home-timeline.html: the "What\'s happening" composer is not a reply box for timeline posts', () => {
    const doc = load('x/2025-02-home-timeline.html');
    const tweets = [...doc.querySelectorAll('article[data-testid="tweet"]')];
    expect(doc.querySelector('[contenteditable="true"]')).toBeTruthy();
    expect(tweets.length).toBeGreaterThan(0);
    for (const tweet of tweets) expect(commentBoxFor(tweet)).toBeNull();
  });

  it('instagram/2025-04-post-with-comments.html: the comment textarea', () => {
    const doc = load('instagram/2025-04-post-with-comments.html');
    const textarea = doc.querySelector('textarea');
    const post = textarea?.closest('article') ?? textarea?.closest('section')?.parentElement;
    expect(post).toBeTruthy();
    expect(commentBoxFor(post as Element)).toBe(textarea);
  });
});
