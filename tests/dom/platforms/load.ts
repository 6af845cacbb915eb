import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { extractAll, pickAdapter } from '../../../utils/platforms';
import type { ExtractedItem, PlatformAdapter } from '../../../utils/platforms/types';

export interface Loaded {
  doc: Document;
  url: URL;
  adapter: PlatformAdapter;
  items: ExtractedItem[];
  close: () => Promise<void>;
}

/** Parses tests/fixtures/<path> as if served at `url` (no scripts, no loading), and extracts its items. */
export function loadFixture(path: string, url: string, prepare?: (doc: Document) => void): Loaded {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  const doc = window.document as unknown as Document;
  doc.write(readFileSync(resolve(__dirname, '../../fixtures', path), 'utf8'));
  prepare?.(doc);
  const pageUrl = new URL(url);
  const adapter = pickAdapter(pageUrl, doc);
  return { doc, url: pageUrl, adapter, items: extractAll(adapter, doc, pageUrl), close: () => window.happyDOM.close() };
}

export const count = (items: ExtractedItem[], kind: ExtractedItem['kind']) =>
  items.filter((i) => i.kind === kind).length;

/** The first text node containing `needle` (to test closestItem). */
export function textNode(doc: Document, needle: string): Node {
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes(needle)) return n;
  throw new Error(`text not found: ${needle}`);
}
