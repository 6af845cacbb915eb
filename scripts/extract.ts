// Developer tool: print what the adapter for a URL extracts from a saved page.
//   npm run -s extract -- --url <page-url> <saved-page.html>
// Parses the file with happy-dom (no scripts, no resource loading), picks the adapter for the URL and prints the
// items (without `container`) as a JSON array to stdout. `--summary` prints counts (posts, comments, promoted units)
// and permalink coverage (items with a link of their own, not the page URL) to stderr.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { extractAll, pickAdapter } from '../utils/platforms';
import { isPagePermalink, mentionKeyFor } from '../utils/platforms/mention-key';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npm run -s extract -- --url <page-url> [--summary] <saved-page.html>');
  process.exit(2);
}

const args = process.argv.slice(2);
let url = '';
let file = '';
let summary = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--url') url = args[++i] ?? '';
  else if (arg.startsWith('--url=')) url = arg.slice(6);
  else if (arg === '--summary') summary = true;
  else if (arg === '--') continue;
  else if (!file) file = arg;
  else usage(`unexpected argument: ${arg}`);
}
if (!file) usage('missing <saved-page.html>');
if (!url) usage('missing --url');
let pageUrl: URL;
try {
  pageUrl = new URL(url);
} catch {
  usage(`not a URL: ${url}`);
}

const window = new Window({
  url: pageUrl.href,
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableComputedStyleRendering: true,
    handleDisabledFileLoadingAsSuccess: true,
    navigation: {
      disableMainFrameNavigation: true,
      disableChildFrameNavigation: true,
      disableChildPageNavigation: true,
      disableFallbackToSetURL: true,
    },
  },
});
const document = window.document as unknown as Document;
document.write(readFileSync(file, 'utf8'));

const adapter = pickAdapter(pageUrl, document);
const items = extractAll(adapter, document, pageUrl).map(({ container: _container, ...rest }) => ({
  ...rest,
  mentionKey: mentionKeyFor(rest, pageUrl.href),
}));
process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
if (summary) {
  const posts = items.filter((i) => i.kind === 'post').length;
  const promoted = items.filter((i) => i.promoted).length;
  const real = items.filter((i) => !isPagePermalink(i.permalink, pageUrl.href, i.platform)).length;
  const pct = items.length ? Math.round((100 * real) / items.length) : 0;
  const ads = promoted ? `, ${promoted} promoted (highlighted, not logged)` : '';
  console.error(
    `${adapter.id}: ${posts} posts, ${items.length - posts} comments${ads}, permalinks ${real}/${items.length} (${pct}%)`,
  );
}
await window.happyDOM.close();
