// Keeps the house honest: every UI string exists in German and English, every message has a handler.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, unknown>;

function sourcePaths(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) return sourcePaths(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

/** Text that reads as German: umlauts, ß, or common German words. */
const GERMAN =
  /[äöüÄÖÜß]|\b(?:der|die|das|und|nicht|Sie|Ihre?|ist|wird|für|mit|bitte|Bitte|Einwohner|Gespeichert|Thema|Kommune|Begriffe?|Datei|keine?|wurde|Es)\b/;

/** Files whose German strings are data or another issue's to move (each with its reason). */
const GERMAN_ALLOWED: Record<string, string> = {
  'utils/settings.ts': 'the demo profile: data (issue 9 rewrites it in utils/starter-templates.ts)',
  'utils/starter-templates.ts': 'starter templates: data (issue 9)',
  'utils/matcher/': 'German language data for matching (prepositions, articles, folding)',
  'utils/municipalities/': 'the official register and the name derivation: data',
  'utils/platforms/': 'localised page labels the adapters read',
  'utils/export/': 'file formats and import messages (issue 14 moves the messages to _locales)',
  'utils/mentions.ts': 'quota messages (issue 14)',
  'utils/templates.ts': "word lists that tell a person's name from a screen name or an organisation: data",
};

/** String literals, template parts and JSX text in the code (not comments), as [file:line, text]. */
function germanLiterals(): string[] {
  const out: string[] = [];
  for (const file of ['entrypoints', 'components', 'utils'].flatMap(sourcePaths)) {
    if (Object.keys(GERMAN_ALLOWED).some((allowed) => file.startsWith(allowed))) continue;
    const src = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      let text: string | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) text = node.text;
      else if (ts.isJsxText(node)) text = node.text;
      if (text !== undefined && GERMAN.test(text)) {
        out.push(`${file}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(name) ? [readFileSync(join(ROOT, rel), 'utf8')] : [];
  });
}
const code = [...sources('entrypoints'), ...sources('components'), ...sources('utils')].join('\n');

describe('conventions', () => {
  it('German and English locales have the same keys', () => {
    expect(Object.keys(locale('en')).sort()).toEqual(Object.keys(locale('de')).sort());
  });

  it('every t("key") used in the code exists in the locales', () => {
    const used = new Set([...code.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]));
    const de = locale('de');
    expect([...used].filter((k) => k && !(k in de))).toEqual([]);
    expect(used.size).toBeGreaterThan(40);
  });

  it('every message of the protocol has a handler', () => {
    const protocol = readFileSync(join(ROOT, 'utils', 'messaging.ts'), 'utf8');
    const names = [...protocol.matchAll(/^\s+(\w+)\(.*\):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(3);
    const unhandled = names.filter((n) => !code.includes(`onMessage('${n}'`));
    expect(unhandled).toEqual([]);
  });

  it('has no user-visible German literal outside _locales (English UI complete)', () => {
    expect(GERMAN.test('Bitte speichern Sie')).toBe(true); // the detector itself
    expect(GERMAN.test('Please save')).toBe(false);
    expect(germanLiterals()).toEqual([]);
  });
});
