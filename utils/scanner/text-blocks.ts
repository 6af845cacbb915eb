// Walks text nodes under a root and groups them into blocks of running text: inline elements (<a>, <b>, <span> …)
// join their text, block elements and <br> separate it. "Stutt<b>gart</b>" is one block "Stuttgart".

/** Elements whose text is never scanned (and whose subtree is skipped). */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'CODE',
  'PRE',
]);

const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
]);

/** Host element of Lauscher's own on-page UI (tooltip); never scanned. */
export const OWN_UI_TAG = 'LAUSCHER-UI';

export interface TextBlock {
  /** The nearest non-inline ancestor: the element whose ranges are tracked together. */
  element: Element;
  text: string;
  nodes: Text[];
  /** Offset of each node's text within `text`. */
  starts: number[];
}

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
}

/** An element whose text runs on with its neighbours' (<a>, <b>, <span> …): never a block of its own. */
export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

export function isSkippedElement(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName.toUpperCase()) || el.tagName === OWN_UI_TAG || isEditable(el);
}

/** True when `node` sits in a subtree Lauscher must not touch (editors, form fields, scripts, its own UI). */
export function isInSkippedSubtree(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

export function blockElementOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

/** How the walker treats an element, by tagName: cached per distinct tagName (a page has a few dozen). */
enum Kind {
  Normal = 0,
  Skip = 1,
  Br = 2,
}
const kindOfTag = new Map<string, Kind>();
function kindOf(tag: string): Kind {
  let kind = kindOfTag.get(tag);
  if (kind === undefined) {
    kind = SKIP_TAGS.has(tag.toUpperCase()) || tag === OWN_UI_TAG ? Kind.Skip : tag === 'BR' ? Kind.Br : Kind.Normal;
    kindOfTag.set(tag, kind);
  }
  return kind;
}
const inlineTag = new Map<string, boolean>();
function isInlineTag(tag: string): boolean {
  let inline = inlineTag.get(tag);
  if (inline === undefined) {
    inline = INLINE_TAGS.has(tag.toUpperCase());
    inlineTag.set(tag, inline);
  }
  return inline;
}

/**
 * A resumable walk: `next(budget)` returns up to `budget` nodes' worth of finished blocks, so a huge page is
 * processed in small time slices. Open shadow roots met on the way are handed to `onShadowRoot`.
 *
 * The TreeWalker runs without a JS filter (a filter is a call from native code into JS for every node, the most
 * expensive part of a walk); skipped subtrees are stepped over with nextSibling/parentNode instead.
 */
export function createBlockWalker(root: Node, onShadowRoot?: (root: ShadowRoot) => void) {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  /** The node to visit next when a skipped subtree was stepped over (null: the walk is over). */
  let queued: Node | null | undefined;
  let current: TextBlock | null = null;
  let done = false;

  function close(out: TextBlock[]) {
    if (current?.text.trim()) out.push(current);
    current = null;
  }

  /** The first node after the current node's subtree, or null at the end of the walk. */
  function afterSubtree(): Node | null {
    let next = walker.nextSibling();
    while (!next) {
      if (!walker.parentNode()) return null;
      next = walker.nextSibling();
    }
    return next;
  }

  return {
    get done() {
      return done;
    },
    /** Visits at most `budget` nodes; returns the blocks completed meanwhile (all remaining ones when done). */
    next(budget: number): TextBlock[] {
      const out: TextBlock[] = [];
      // Per text node: its parent's block element, cached for runs of siblings under one parent (within this call only:
      // the page may change between slices).
      let lastParent: Element | null = null;
      let lastBlock: Element | null = null;
      for (let i = 0; i < budget; i++) {
        let node: Node | null;
        if (queued !== undefined) {
          node = queued;
          queued = undefined;
        } else node = walker.nextNode();
        if (!node) {
          done = true;
          close(out);
          return out;
        }
        if (node.nodeType === 3) {
          const text = node as Text;
          const data = text.data;
          if (!data) continue;
          const parent = text.parentElement;
          if (!parent) continue;
          if (parent !== lastParent) {
            lastParent = parent;
            let el = parent;
            while (isInlineTag(el.tagName) && el.parentElement) el = el.parentElement;
            lastBlock = el;
          }
          const block = lastBlock as Element;
          if (!current || current.element !== block) {
            close(out);
            // Arrays made with their first element: one grown from [] by push holds room for 16 (~300 bytes per
            // block, most of the scan's garbage), while most blocks are a single text node.
            current = { element: block, text: data, nodes: [text], starts: [0] };
            continue;
          }
          current.starts.push(current.text.length);
          current.nodes.push(text);
          current.text += data;
          continue;
        }
        const el = node as Element;
        const kind = kindOf(el.tagName);
        if (kind === Kind.Skip || isEditable(el)) {
          queued = afterSubtree();
          continue;
        }
        if (onShadowRoot) {
          const shadow = el.shadowRoot;
          if (shadow) onShadowRoot(shadow);
        }
        if (kind === Kind.Br) close(out);
      }
      return out;
    },
  };
}

/** All blocks under `root` at once (tests, snippets, small subtrees). */
export function collectBlocks(root: Node): TextBlock[] {
  const walker = createBlockWalker(root);
  const out: TextBlock[] = [];
  while (!walker.done) out.push(...walker.next(10_000));
  return out;
}

/** Text of a subtree with block boundaries as line breaks ("Lisa\nNeu", not "LisaNeu"). */
export function blockText(root: Node): string {
  return collectBlocks(root)
    .map((b) => b.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Index of the node containing `offset`; for an end offset, the node it ends in (offset may equal its length). */
export function nodeIndexAt(starts: number[], offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
