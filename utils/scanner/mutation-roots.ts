// Turns mutation records into the smallest set of subtrees worth re-scanning.
import { blockElementOf, isInSkippedSubtree } from './text-blocks';

const INLINE_ROOT =
  /^(A|ABBR|B|BDI|BDO|CITE|DATA|DFN|EM|FONT|I|INS|DEL|KBD|LABEL|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR)$/;

/** A changed node is re-scanned from its block element, so text around it and matches across it stay whole. */
export function scanRootFor(node: Node): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return blockElementOf(node);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  if (INLINE_ROOT.test(el.tagName.toUpperCase())) return blockElementOf(el) ?? el;
  return el;
}

/** Drops roots that lie inside another pending root or inside a subtree Lauscher must not touch. */
export function outermostRoots(roots: Iterable<Node>): Node[] {
  const set = new Set(roots);
  const out: Node[] = [];
  for (const root of set) {
    if (!root.isConnected) continue;
    let nested = false;
    for (let p = root.parentNode; p; p = p.parentNode) {
      if (set.has(p)) {
        nested = true;
        break;
      }
    }
    if (!nested && !isInSkippedSubtree(root)) out.push(root);
  }
  return out;
}
