// A translator from the real _locales files, resolving placeholders as browser.i18n.getMessage does, so unit tests
// read the same German and English the pages show (not a test file itself).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '../../utils/labels';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function localeT(lang: 'de' | 'en'): Translate {
  const file = join(import.meta.dirname, '..', '..', 'public', '_locales', lang, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  return (key, substitutions) => {
    const m = messages[key];
    if (!m) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return fill(
      m.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => m.placeholders?.[name.toUpperCase()]?.content ?? ''),
    );
  };
}

export const de = localeT('de');
export const en = localeT('en');
