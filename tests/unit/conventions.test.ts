// Keeps the house honest: every UI string exists in German and English, every message has a handler.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, unknown>;

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
});
