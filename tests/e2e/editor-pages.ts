// Bundles the real editor libraries (tests/fixtures/editors/*.js) into one self-contained HTML page each, at test
// time, into the gitignored .tmp/editors/. The pages are then served under the real site hostnames.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../scripts/launch-chromium';
import type { Profile } from '../../utils/settings';

export const EDITOR_SOURCES = join(ROOT, 'tests', 'fixtures', 'editors');
export const EDITOR_PAGES = join(ROOT, '.tmp', 'editors');

/** The reply under test: umlauts, ß, emoji and one line break, the things that went wrong before. */
export const TITLE = 'Editor-Test: Baustelle';
export const REPLY =
  'Guten Tag, vielen Dank für Ihren Hinweis zur Baustelle! 🚧\nDas Straßenbauamt prüft die Umleitung, wir melden uns. 😊';

/** A profile whose only template is the reply, suggested for the posts of the editor pages (they say "Baustelle"). */
export const PROFILE: Profile = {
  municipality: { name: 'Musterstadt', aliases: [], caseSensitive: false },
  topics: [{ id: 'bau', label: 'Baustellen', color: 'amber', terms: ['Baustelle'], exclude: [] }],
  houseFormality: 'sie',
  templates: [{ id: 'editor-test', title: TITLE, body: REPLY, topicIds: ['bau'], formality: 'sie', version: 1 }],
};

export interface EditorPage {
  /** File name in tests/fixtures/editors without `.js`. */
  name: string;
  /** URL the page is served under; the site's content script runs on it. */
  url: string;
}

/** Every editor kind a reply must land in, each under a host where people meet it. */
export const EDITORS: EditorPage[] = [
  { name: 'lexical-rich', url: 'https://www.facebook.com/groups/musterstadt/posts/lexical-rich/' },
  { name: 'lexical-plain', url: 'https://www.facebook.com/groups/musterstadt/posts/lexical-plain/' },
  { name: 'draft', url: 'https://x.com/sabinekraus/status/1700000000000005' },
  { name: 'prosemirror', url: 'https://www.reddit.com/r/musterstadt/comments/abc11/baustelle/' },
  { name: 'textarea', url: 'https://www.reddit.com/r/musterstadt/comments/abc8/baustelle/' },
  { name: 'react-textarea', url: 'https://x.com/sabinekraus/status/1700000000000014' },
  { name: 'contenteditable', url: 'https://www.facebook.com/groups/musterstadt/posts/contenteditable/' },
  { name: 'plaintext-only', url: 'https://www.facebook.com/groups/musterstadt/posts/plaintext-only/' },
];

/** A post without any comment box: the reply must go to the clipboard, and the side panel must say so. */
export const NO_BOX: EditorPage = {
  name: 'no-box',
  url: 'https://www.facebook.com/groups/musterstadt/posts/no-box/',
};

/** A box that cancels every input: found, but it does not take the reply. */
export const REFUSING: EditorPage = {
  name: 'refusing',
  url: 'https://www.facebook.com/groups/musterstadt/posts/refusing/',
};

/** Builds every page (or those named) and returns name → path of the HTML file. */
export async function buildEditorPages(
  names = [...EDITORS, NO_BOX, REFUSING].map((e) => e.name),
): Promise<Record<string, string>> {
  mkdirSync(EDITOR_PAGES, { recursive: true });
  const out: Record<string, string> = {};
  for (const name of names) {
    const result = await build({
      entryPoints: [join(EDITOR_SOURCES, `${name}.js`)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      minify: true,
      // React 17 and Draft.js read these at run time.
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      logLevel: 'silent',
    });
    const js = result.outputFiles[0]?.text ?? '';
    const file = join(EDITOR_PAGES, `${name}.html`);
    // `</script` cannot occur inside the inline script.
    const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${name}</title></head><body><script>${js.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
    writeFileSync(file, html);
    out[name] = file;
  }
  return out;
}
