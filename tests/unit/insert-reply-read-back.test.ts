import { describe, expect, it } from 'vitest';
import { foldWhitespace, occurrences, tookReply } from '../../utils/content/insert-reply/read-back';

const REPLY = 'Guten Tag, danke für den Hinweis! 🚧\nIhr Team';

describe('reading a comment box back', () => {
  it('folds the line breaks editors render their own way', () => {
    expect(foldWhitespace('a\n\nb\u00a0 c\u200b')).toBe('a b c');
    // Lexical rich text shows a pasted line break as a new paragraph.
    expect(tookReply('', 'Guten Tag, danke für den Hinweis! 🚧\n\nIhr Team', REPLY)).toBe(true);
  });

  it('counts the reply once more than before, not twice, not partly', () => {
    expect(tookReply('', REPLY, REPLY)).toBe(true);
    expect(tookReply('', `${REPLY}${REPLY}`, REPLY)).toBe(false);
    expect(tookReply('', 'Ihr Team', REPLY)).toBe(false); // Lexical used to keep only the last line
    expect(tookReply('', 'Guten Tag, danke für den Hinweis! 🚧Ihr Team', REPLY)).toBe(false); // line break lost
    expect(tookReply(REPLY, REPLY, REPLY)).toBe(false); // already there before: nothing arrived
    expect(tookReply('Moin! ', `Moin! ${REPLY}`, REPLY)).toBe(true);
  });

  it('finds nothing in an empty reply', () => {
    expect(occurrences('abc', '  ')).toBe(0);
    expect(occurrences('x x x', 'x')).toBe(3);
  });
});
