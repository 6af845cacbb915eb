// "In Kommentarfeld einfügen" from the side panel: put the reply into the comment box of the post at hand, as if
// typed, so the site's own editor (React, Lexical, plain textarea) takes it. Nothing is ever sent: staff read it
// and press the site's own button.

const BOX = 'textarea, [contenteditable="true"], [contenteditable=""], [role="textbox"][contenteditable]';

/** The comment box belonging to an item: inside it, else inside its nearest ancestors (comment → post). */
export function commentBoxFor(item: Element): HTMLElement | null {
  for (let el: Element | null = item, depth = 0; el && depth < 8; el = el.parentElement, depth++) {
    const box = el.querySelector<HTMLElement>(BOX);
    if (box) return box;
  }
  return null;
}

export function insertText(box: HTMLElement, text: string): boolean {
  box.scrollIntoView({ block: 'center' });
  box.focus();
  if (box instanceof HTMLTextAreaElement) {
    const start = box.selectionStart ?? box.value.length;
    box.setRangeText(text, start, box.selectionEnd ?? start, 'end');
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return true;
  }
  // Rich editors listen to beforeinput/input from real editing commands; execCommand is what produces those.
  const selection = box.ownerDocument.getSelection();
  if (selection && !box.contains(selection.anchorNode)) {
    selection.selectAllChildren(box);
    selection.collapseToEnd();
  }
  if (box.ownerDocument.execCommand('insertText', false, text)) return true;
  box.append(text);
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
