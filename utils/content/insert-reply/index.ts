// "In Kommentarfeld einfügen" from the side panel: put the reply into the comment box of the post at hand through
// the editor's own input path, then read the box back and say honestly what happened. Nothing is ever sent: staff
// read the reply and press the site's own button.
import type { InsertReplyResult } from '../../messaging';
import { commentBoxFor, isTextControl, shownText } from './find-box';
import { pasteInto, pause, placeCaret, selectionSeen, setControlText, typeInto } from './methods';
import { tookReply } from './read-back';

export { commentBoxFor } from './find-box';

/** How long an editor that accepted a paste may take to show it (Lexical and React render after the event). */
const SHOW_WITHIN_MS = 1000;

async function shows(box: HTMLElement, before: string, text: string, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    if (tookReply(before, shownText(box), text)) return true;
    if (Date.now() >= until) return false;
    await pause(25);
  }
}

/** Inserts `text` at the caret of `box` (its end, if the caret is elsewhere) and reports what the box shows. */
export async function insertReply(box: HTMLElement, text: string): Promise<InsertReplyResult> {
  const before = shownText(box);
  try {
    placeCaret(box);
    await selectionSeen(box.ownerDocument);
    if (isTextControl(box)) {
      if (typeInto(box, text) && (await shows(box, before, text, SHOW_WITHIN_MS))) {
        return { status: 'inserted', method: 'execCommand' };
      }
      // Nothing arrived (a browser without execCommand in text controls): safe to set it, no double insertion.
      if (shownText(box) !== before) return { status: 'notTaken' };
      setControlText(box, text);
      return (await shows(box, before, text, SHOW_WITHIN_MS))
        ? { status: 'inserted', method: 'setRangeText' }
        : { status: 'notTaken' };
    }
    if (pasteInto(box, text)) {
      // The editor took charge; inserting again by another way would double the text.
      return (await shows(box, before, text, SHOW_WITHIN_MS))
        ? { status: 'inserted', method: 'paste' }
        : { status: 'notTaken' };
    }
    typeInto(box, text);
    return (await shows(box, before, text, SHOW_WITHIN_MS))
      ? { status: 'inserted', method: 'execCommand' }
      : { status: 'notTaken' };
  } catch (err) {
    // A site's editor must never be left broken by us, nor the side panel waiting: report, the text goes to the
    // clipboard instead.
    console.warn('[Lauscher] insert reply', err);
    return { status: 'notTaken' };
  }
}

/** The reply for the post `item` (or the page, when the post is gone): find its box and insert. */
export async function insertReplyFor(item: Element | null | undefined, text: string): Promise<InsertReplyResult> {
  const box = item ? commentBoxFor(item) : null;
  return box ? insertReply(box, text) : { status: 'noBox' };
}
