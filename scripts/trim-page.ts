// Developer tool: trims a real saved page into a test fixture (tests/fixtures/<site>/).
//   npx tsx scripts/trim-page.ts --source "<where it was saved from>" <saved-page.html> <out.html>
// Drops what no adapter reads (scripts, styles, images' sources, svg contents, iframes, inline styles, long
// attribute values) and keeps every element and text, so the structure around posts and comments stays as served.
// The first line names the source, as the convention test requires.
import { readFileSync, writeFileSync } from 'node:fs';
import { Window } from 'happy-dom';

const args = process.argv.slice(2);
const sourceAt = args.indexOf('--source');
const source = sourceAt >= 0 ? (args.splice(sourceAt, 2)[1] ?? '') : '';
const [input, output] = args;
if (!input || !output || !source) {
  console.error('usage: npx tsx scripts/trim-page.ts --source "<origin>" <saved-page.html> <out.html>');
  process.exit(2);
}

const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableComputedStyleRendering: true,
  },
});
const doc = window.document as unknown as Document;
const html = readFileSync(input, 'utf8');
// Scripts and styles go before parsing: a <style> inside an inline <svg> (Reddit 2020) derails happy-dom's parser,
// which then loses the rest of the thread; browsers parse it fine.
doc.write(html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ''));

const DROP =
  'script, style, noscript, iframe, link:not([rel="canonical"]), meta:not([property^="og:"]), template, source';
for (const el of doc.querySelectorAll(DROP)) el.remove();
for (const svg of doc.querySelectorAll('svg')) svg.replaceChildren();
/** Attributes no adapter reads that make up most of a saved page's weight. */
const HEAVY = new Set(['style', 'srcset', 'sizes', 'd', 'src', 'data-src', 'poster', 'nonce', 'integrity']);
for (const el of doc.querySelectorAll('*')) {
  for (const attr of [...el.attributes]) {
    const long = attr.value.length > 400 && attr.name !== 'href' && attr.name !== 'datetime';
    if (HEAVY.has(attr.name) || long || attr.value.startsWith('data:')) el.removeAttribute(attr.name);
  }
}
// Comments other than the first ("saved from …") carry nothing an adapter reads.
const walker = doc.createTreeWalker(doc, 0x80);
const comments: Node[] = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n);
for (const c of comments) c.parentNode?.removeChild(c);

const body = doc.documentElement.outerHTML.replace(/\n\s*\n+/g, '\n');
const header = `<!-- Real page saved by others: ${source}. Trimmed for Lauscher tests with scripts/trim-page.ts (scripts, styles, images, svg contents and long attribute values removed; structure around posts kept). -->`;
writeFileSync(output, `${header}\n<!DOCTYPE html>\n${body}\n`);
console.error(`${output}: ${Math.round(html.length / 1024)} kB -> ${Math.round(body.length / 1024)} kB`);
await window.happyDOM.close();
