// The on-page tooltip for a highlight: topic and term, "open in side panel" and "ignore this post". It lives in a
// shadow root (open: tests reach it, and it holds nothing private) on a <lauscher-ui> host that is appended to <html>
// only when first shown, so a page nobody hovers is never touched. The scanner skips <lauscher-ui> (OWN_UI_TAG).
// Keyboard: Escape closes; Alt+ArrowDown moves focus from the page into the tooltip's buttons (native <button>s);
// Escape, a button or Tab past either end returns focus to where it was on the page.
import { t } from '../i18n';
import type { MentionInput } from '../model';
import { OWN_UI_TAG } from '../scanner/text-blocks';

export interface TooltipContent {
  topicLabel: string;
  term: string;
  /** The post or comment the highlight stands in; without it the buttons are hidden. */
  mention: MentionInput | null;
}

export interface TooltipOptions {
  onOpen(mention: MentionInput): void;
  onIgnore(mention: MentionInput): void;
  signal: AbortSignal;
}

const CSS = `
:host {
  all: initial;
  /* Out of the page's flow and a layout boundary of its own (size + layout containment on a 0×0 box): showing,
     filling or moving the tooltip lays out only the tooltip, never the page around <html>. No paint containment,
     which would clip the tooltip to the 0×0 box; layout containment makes the host the box the fixed tooltip is
     placed in, and it sits at the viewport's corner. */
  position: fixed; top: 0; left: 0; width: 0; height: 0; contain: size layout style; z-index: 2147483647;
}
.tip {
  position: fixed; left: 0; top: 0; z-index: 2147483647; box-sizing: border-box;
  /* Its containing block is the 0×0 host: size it by its content, up to 320 px. */
  width: max-content; max-width: 320px;
  font: 13px/1.35 system-ui, "Segoe UI", Helvetica, Arial, sans-serif; color: #111; background: #fff;
  border: 1px solid #c9ccd1; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px;
  /* Its own layer: showing, moving or hiding it must not repaint the page text below (a 200,000-character post).
     Placed by transform and hidden by visibility, never display:none: the layer is made once (adding a layer to a
     big page costs its whole pre-paint, ~100 ms on the bench feed) and then only moved. */
  will-change: transform; contain: content;
}
.tip[hidden] { display: block; visibility: hidden; }
.topic { font-weight: 600; }
.term { margin-top: 2px; color: #333; }
.term b { font-weight: 600; }
.keys { margin-top: 6px; font-size: 11px; color: #555; }
.actions { display: flex; gap: 6px; margin-top: 8px; flex-wrap: wrap; }
.actions[hidden], .keys[hidden] { display: none; }
button {
  font: inherit; cursor: pointer; border: 1px solid #0b5cad; border-radius: 6px; padding: 3px 8px;
  background: #0b5cad; color: #fff;
}
button.secondary { background: #fff; color: #0b5cad; }
/* Focus ring >= 3:1 against the tooltip's background, light and dark. */
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .tip { color: #ececec; background: #1f2023; border-color: #4a4d52; }
  .term { color: #d6d8db; }
  .keys { color: #b4b8bd; }
  button { background: #7ab7ff; border-color: #7ab7ff; color: #0b1a2b; }
  button.secondary { background: #1f2023; color: #7ab7ff; }
  button:focus-visible { outline-color: #ffbf47; }
}
`;

export function createTooltip(doc: Document, options: TooltipOptions) {
  let host: HTMLElement | null = null;
  let box: HTMLDivElement;
  let topicEl: HTMLDivElement;
  let termEl: HTMLDivElement;
  let actions: HTMLDivElement;
  let openBtn: HTMLButtonElement;
  let ignoreBtn: HTMLButtonElement;
  let keysEl: HTMLDivElement;
  let current: TooltipContent | null = null;
  let shown = false;
  /** Where focus was on the page before Alt+ArrowDown moved it into the tooltip. */
  let returnTo: HTMLElement | null = null;
  /** True while hide() hands focus back: the page's focusin must not reopen the tooltip just closed. */
  let returning = false;

  function build() {
    host = doc.createElement(OWN_UI_TAG.toLowerCase());
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    box = doc.createElement('div');
    box.className = 'tip';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', 'Lauscher');
    box.setAttribute('aria-describedby', 'lauscher-tip-topic lauscher-tip-term');
    box.hidden = true;
    topicEl = doc.createElement('div');
    topicEl.className = 'topic';
    topicEl.id = 'lauscher-tip-topic';
    termEl = doc.createElement('div');
    termEl.className = 'term';
    termEl.id = 'lauscher-tip-term';
    keysEl = doc.createElement('div');
    keysEl.className = 'keys';
    keysEl.textContent = t('navTooltipKeys');
    actions = doc.createElement('div');
    actions.className = 'actions';
    openBtn = doc.createElement('button');
    openBtn.type = 'button';
    openBtn.textContent = t('tooltipOpen');
    ignoreBtn = doc.createElement('button');
    ignoreBtn.type = 'button';
    ignoreBtn.className = 'secondary';
    ignoreBtn.textContent = t('tooltipIgnore');
    openBtn.addEventListener('click', () => {
      if (current?.mention) options.onOpen(current.mention);
      hide();
    });
    ignoreBtn.addEventListener('click', () => {
      if (current?.mention) options.onIgnore(current.mention);
      hide();
    });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        hide();
      } else if (e.key === 'Tab') {
        // The tooltip sits at the end of the document: Tab out of it goes back to the page, not past the page.
        const leaving = e.shiftKey ? root.activeElement === openBtn : root.activeElement === ignoreBtn;
        if (leaving) {
          e.preventDefault();
          hide();
        }
      }
    });
    actions.append(openBtn, ignoreBtn);
    box.append(topicEl, termEl, actions, keysEl);
    root.append(style, box);
    doc.documentElement.append(host);
  }

  function onDocKeydown(e: KeyboardEvent) {
    if (!shown) return;
    if (e.key === 'Escape') hide();
    else if (e.altKey && e.key === 'ArrowDown' && current?.mention) {
      e.preventDefault();
      const active = doc.activeElement;
      if (!owns(active)) returnTo = active instanceof HTMLElement ? active : null;
      openBtn.focus();
    }
  }
  doc.addEventListener('keydown', onDocKeydown, { capture: true, signal: options.signal });
  options.signal.addEventListener('abort', () => {
    host?.remove();
    host = null;
    shown = false;
  });

  function place(anchor: DOMRect) {
    const view = doc.documentElement;
    const gap = 6;
    // The size only: a transform moves the box without changing it.
    const { width, height } = box.getBoundingClientRect();
    const left = Math.max(4, Math.min(anchor.left, view.clientWidth - width - 4));
    const below = anchor.bottom + gap;
    const top = below + height <= view.clientHeight ? below : Math.max(4, anchor.top - gap - height);
    box.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  function show(content: TooltipContent, anchor: DOMRect) {
    if (!host) build();
    current = content;
    topicEl.textContent = content.topicLabel;
    termEl.replaceChildren(
      `${t('tooltipMatched')}: `,
      Object.assign(doc.createElement('b'), { textContent: content.term }),
    );
    actions.hidden = !content.mention;
    keysEl.hidden = !content.mention;
    box.hidden = false;
    shown = true;
    place(anchor);
  }

  function owns(target: EventTarget | null): boolean {
    return !!host && target === host;
  }

  function hide() {
    if (!shown) return;
    const hadFocus = !!host?.shadowRoot?.activeElement;
    shown = false;
    current = null;
    box.hidden = true;
    if (hadFocus) {
      returning = true;
      try {
        (returnTo?.isConnected ? returnTo : doc.body)?.focus({ preventScroll: true });
      } finally {
        returning = false;
      }
    }
    returnTo = null;
  }

  return {
    show,
    hide,
    get shown() {
      return shown;
    },
    /** True while focus is being handed back to the page after the tooltip closed. */
    get returningFocus() {
      return returning;
    },
    /** True for events from inside the tooltip (they are retargeted to the host outside the shadow root). */
    owns,
  };
}

export type Tooltip = ReturnType<typeof createTooltip>;
