// The team's privacy settings that travel with the team profile: the pseudonym key and how authors are stored.
import { applyAuthorMode } from '../mentions';
import type { AuthorMode } from '../model';
import { type Privacy, type Profile, privacyItem, profileItem } from '../settings';

export const PSEUDONYM_KEY_PATTERN = /^[0-9a-f]{64}$/;

export function isPseudonymKey(value: unknown): value is string {
  return typeof value === 'string' && PSEUDONYM_KEY_PATTERN.test(value);
}

/** 32 random bytes as hex: the HMAC key behind the team's pseudonyms. */
export function newPseudonymKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The team's author mode; a profile from before it was a team setting falls back to the local choice. */
export function authorModeOf(profile: Profile, privacy: Privacy): AuthorMode {
  return profile.authorMode ?? privacy.authorMode;
}

let creating: Promise<string> | undefined;

/** The profile's pseudonym key, created (once, also with concurrent callers) when the profile has none yet. */
export async function ensurePseudonymKey(): Promise<string> {
  const profile = await profileItem.getValue();
  if (isPseudonymKey(profile.pseudonymKey)) return profile.pseudonymKey;
  creating ??= (async () => {
    const latest = await profileItem.getValue();
    if (isPseudonymKey(latest.pseudonymKey)) return latest.pseudonymKey;
    const key = newPseudonymKey();
    await profileItem.setValue({ ...latest, pseudonymKey: key });
    return key;
  })().finally(() => {
    creating = undefined;
  });
  return creating;
}

/** A new key: pseudonyms from now on no longer match earlier ones (in this log and in colleagues' files). */
export async function rotatePseudonymKey(): Promise<string> {
  const key = newPseudonymKey();
  await profileItem.setValue({ ...(await profileItem.getValue()), pseudonymKey: key });
  return key;
}

/** What the log, the import and the export need: the team's mode and key. */
export async function teamPrivacy(): Promise<{ authorMode: AuthorMode; pseudonymKey: string }> {
  const [privacy, pseudonymKey] = await Promise.all([privacyItem.getValue(), ensurePseudonymKey()]);
  return { authorMode: authorModeOf(await profileItem.getValue(), privacy), pseudonymKey };
}

/**
 * A profile saved by a form or imported from a file that did not know the key (an older file, a form opened before
 * the key existed) must not silently start new pseudonyms: the previous key is kept. Rotation sets a new valid key.
 */
export function keepPseudonymKey(next: Profile | null, previous: Profile | null): Profile | undefined {
  if (!next || isPseudonymKey(next.pseudonymKey) || !isPseudonymKey(previous?.pseudonymKey)) return undefined;
  return { ...next, pseudonymKey: previous.pseudonymKey };
}

/**
 * Rows as the team's mode allows them to leave this browser (CSV, JSON, the team log): a name stored while the mode
 * was "plain" becomes a pseudonym (or nothing) once the team switched; pseudonyms stay as they are.
 */
export async function authorsForExport<T extends { author: string }>(
  rows: readonly T[],
  team: { authorMode: AuthorMode; pseudonymKey: string },
): Promise<T[]> {
  if (team.authorMode === 'plain') return [...rows];
  const memo = new Map<string, string>();
  const out: T[] = [];
  for (const row of rows) {
    let author = memo.get(row.author);
    if (author === undefined) {
      author = await applyAuthorMode(row.author, team.authorMode, team.pseudonymKey);
      memo.set(row.author, author);
    }
    out.push(author === row.author ? row : { ...row, author });
  }
  return out;
}
