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

/**
 * A resumable walk: `next(budget)` returns up to `budget` nodes' worth of finished blocks, so a huge page is
 * processed in small time slices. Open shadow roots met on the way are handed to `onShadowRoot`.
 */
export function createBlockWalker(root: Node, onShadowRoot?: (root: ShadowRoot) => void) {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (isSkippedElement(el)) return NodeFilter.FILTER_REJECT;
      if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
      return el.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  let current: TextBlock | null = null;
  let done = false;

  function close(out: TextBlock[]) {
    if (current?.text.trim()) out.push(current);
    current = null;
  }

  return {
    get done() {
      return done;
    },
    /** Visits at most `budget` nodes; returns the blocks completed meanwhile (all remaining ones when done). */
    next(budget: number): TextBlock[] {
      const out: TextBlock[] = [];
      for (let i = 0; i < budget; i++) {
        const node = walker.nextNode();
        if (!node) {
          done = true;
          close(out);
          return out;
        }
        if (node.nodeType !== Node.TEXT_NODE) {
          close(out); // <br>
          continue;
        }
        const text = node as Text;
        const data = text.data;
        if (!data) continue;
        const block = blockElementOf(text);
        if (!block) continue;
        if (!current || current.element !== block) {
          close(out);
          current = { element: block, text: '', nodes: [], starts: [] };
        }
        current.starts.push(current.text.length);
        current.nodes.push(text);
        current.text += data;
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
