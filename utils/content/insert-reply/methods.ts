// The ways text gets into a comment box, in the order snippet tools use them. Measured with the real editors
// (tests/e2e/editors.e2e.ts):
// - Editors that own their model (Lexical, Draft.js, ProseMirror) take a `paste` event carrying a DataTransfer:
//   they cancel it and insert through their own code, with their own undo step. The user's clipboard is untouched.
// - `execCommand('insertText')` is the browser's own typing: right for textareas and bare contenteditables (one
//   native undo step, React sees a real input event), wrong for Lexical (line breaks dropped, and nothing at all
//   before it has seen the selection) and fatal for Draft.js (React throws removeChild and unmounts the editor).
import { isTextControl } from './find-box';

/** Focuses the box and puts the caret at its end, unless the user already has a caret in it. */
export function placeCaret(box: HTMLElement): void {
  const doc = box.ownerDocument;
  const hadFocus = box === doc.activeElement || box.contains(doc.activeElement);
  box.scrollIntoView?.({ block: 'center' });
  box.focus({ preventScroll: true });
  if (isTextControl(box)) {
    if (!hadFocus) box.setSelectionRange(box.value.length, box.value.length);
    return;
  }
  const selection = doc.getSelection();
  if (!selection || (hadFocus && selection.anchorNode && box.contains(selection.anchorNode))) return;
  const range = doc.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Lexical reads the selection on `selectionchange`, which the browser fires asynchronously; an insertion before it
 * lands nowhere. Wait for that event (or a short while, when the caret did not move), then one more task.
 */
export function selectionSeen(doc: Document, maxWaitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, maxWaitMs);
    doc.addEventListener('selectionchange', done);
  });
}

/**
 * Firefox builds a synthetic paste event's clipboardData afresh and drops the DataTransfer passed in (editors then
 * see an empty paste); it fills it from its own init members `dataType` and `data`, which Chromium ignores.
 */
interface PasteEventInit extends ClipboardEventInit {
  dataType: string;
  data: string;
}

/** Offers the text as a paste; true when the page's editor took charge of it (cancelled the event). */
export function pasteInto(box: HTMLElement, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const init: PasteEventInit = {
    clipboardData: data,
    dataType: 'text/plain',
    data: text,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  const event = new ClipboardEvent('paste', init);
  box.dispatchEvent(event);
  return event.defaultPrevented;
}

/** The browser's own insertion at the caret (native undo, real beforeinput/input events). */
export function typeInto(box: HTMLElement, text: string): boolean {
  return box.ownerDocument.execCommand('insertText', false, text);
}

/** Last resort for a text control whose browser refuses execCommand: set the value, tell listeners. */
export function setControlText(box: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  const start = box.selectionStart ?? box.value.length;
  box.setRangeText(text, start, box.selectionEnd ?? start, 'end');
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Waits `ms` in a task (not a frame: a tab behind the side panel may not paint). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
