// Which element is the comment box of a post: a textarea or an editing host (any contenteditable that is not
// "false", including "plaintext-only" boxes without a role). Site adapters know posts; editors look alike everywhere.

const CANDIDATE = 'textarea, [contenteditable]:not([contenteditable="false"])';

/** The outermost editing host around `el` (editors nest contenteditable parts inside their root). */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  for (let up = host.parentElement?.closest<HTMLElement>(CANDIDATE); up; up = up.parentElement?.closest(CANDIDATE)) {
    if (up instanceof HTMLTextAreaElement) break;
    host = up;
  }
  return host;
}

function usable(el: HTMLElement): boolean {
  if (el instanceof HTMLTextAreaElement && (el.disabled || el.readOnly)) return false;
  if (el.getAttribute('aria-disabled') === 'true' || el.getAttribute('aria-readonly') === 'true') return false;
  return !el.closest('[hidden], [inert], [aria-hidden="true"]');
}

/** The comment box belonging to an item: inside it, else inside its nearest ancestors (comment → post → thread). */
export function commentBoxFor(item: Element): HTMLElement | null {
  for (let el: Element | null = item, depth = 0; el && depth < 8; el = el.parentElement, depth++) {
    for (const found of el.querySelectorAll<HTMLElement>(CANDIDATE)) {
      const box = editingHost(found);
      if (usable(box)) return box;
    }
  }
  return null;
}

export function isTextControl(box: HTMLElement): box is HTMLTextAreaElement | HTMLInputElement {
  return box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement;
}

/** What the box shows right now: a text control's value, an editing host's rendered text. */
export function shownText(box: HTMLElement): string {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text, with the line breaks the user sees
  return isTextControl(box) ? box.value : (box.innerText ?? box.textContent ?? '');
}
