// The team pseudonym key: HMAC-SHA-256 keyed by the profile's key, created once, shared by the profile file, kept
// through saves that did not carry it, and rotated by one call.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { profileFromJson, profileToJson } from '../../utils/export/profile';
import { PSEUDONYM_PATTERN, pseudonymise } from '../../utils/mentions';
import {
  authorModeOf,
  ensurePseudonymKey,
  isPseudonymKey,
  keepPseudonymKey,
  newPseudonymKey,
  rotatePseudonymKey,
  teamPrivacy,
} from '../../utils/privacy/team-privacy';
import { DEFAULT_PRIVACY, DEMO_PROFILE, privacyItem, profileItem } from '../../utils/settings';

const KEY = 'a'.repeat(64);

describe('team pseudonyms', () => {
  it('are the first 16 bits of HMAC-SHA-256(key, normalised name), as Node computes it', async () => {
    const expected = createHmac('sha256', KEY).update('erika mustermann').digest('hex').slice(0, 4).toUpperCase();
    expect(await pseudonymise('  Erika   Mustermann ', KEY)).toBe(`Person ${expected}`);
    expect(await pseudonymise('Erika Mustermann', KEY)).toMatch(PSEUDONYM_PATTERN);
  });

  it('are the same for two colleagues with the same key and differ with another key', async () => {
    const authors = ['Erika Mustermann', 'Max Müller', 'Jürgen Weiß', 'Ayşe Yılmaz', 'Lisa Neu'];
    const mine = await Promise.all(authors.map((a) => pseudonymise(a, KEY)));
    const colleague = await Promise.all(authors.map((a) => pseudonymise(a, `${KEY}`)));
    expect(colleague).toEqual(mine);
    const other = await Promise.all(authors.map((a) => pseudonymise(a, 'b'.repeat(64))));
    expect(other).not.toEqual(mine);
  });

  it('creates 256-bit keys', () => {
    const keys = new Set(Array.from({ length: 20 }, newPseudonymKey));
    expect(keys.size).toBe(20);
    for (const k of keys) expect(isPseudonymKey(k)).toBe(true);
    expect(isPseudonymKey('A'.repeat(64))).toBe(false);
    expect(isPseudonymKey('a'.repeat(63))).toBe(false);
    expect(isPseudonymKey(undefined)).toBe(false);
  });

  it('creates the key in the profile once, also for concurrent callers', async () => {
    const keys = await Promise.all([ensurePseudonymKey(), ensurePseudonymKey(), ensurePseudonymKey()]);
    expect(new Set(keys).size).toBe(1);
    expect((await profileItem.getValue()).pseudonymKey).toBe(keys[0]);
    expect(await ensurePseudonymKey()).toBe(keys[0]);
    // The rest of the profile is the one it was (here the demo's).
    expect((await profileItem.getValue()).municipality).toEqual(DEMO_PROFILE.municipality);
  });

  it('rotates to a new key: earlier pseudonyms no longer match', async () => {
    const before = await ensurePseudonymKey();
    const p1 = await pseudonymise('Max Müller', before);
    const after = await rotatePseudonymKey();
    expect(after).not.toBe(before);
    expect(await ensurePseudonymKey()).toBe(after);
    // 16 bits: compare a handful of names so a chance collision cannot pass the test.
    const names = ['Max Müller', 'Erika Mustermann', 'Lisa Neu', 'Jürgen Weiß'];
    const a = await Promise.all(names.map((n) => pseudonymise(n, before)));
    const b = await Promise.all(names.map((n) => pseudonymise(n, after)));
    expect(a[0]).toBe(p1);
    expect(b).not.toEqual(a);
  });

  it('keeps the key when a save or an older profile file did not carry it', () => {
    const withKey = { ...DEMO_PROFILE, pseudonymKey: KEY };
    expect(keepPseudonymKey(DEMO_PROFILE, withKey)).toEqual(withKey);
    expect(keepPseudonymKey({ ...DEMO_PROFILE, pseudonymKey: 'b'.repeat(64) }, withKey)).toBeUndefined();
    expect(keepPseudonymKey(DEMO_PROFILE, null)).toBeUndefined();
    expect(keepPseudonymKey(null, withKey)).toBeUndefined();
  });

  it('travels with the team profile file, with the team author mode', () => {
    const out = profileFromJson(profileToJson({ ...DEMO_PROFILE, pseudonymKey: KEY, authorMode: 'none' }));
    expect(out.ok && out.profile.pseudonymKey).toBe(KEY);
    expect(out.ok && out.profile.authorMode).toBe('none');
    const old = profileFromJson(profileToJson(DEMO_PROFILE));
    expect(old.ok && 'pseudonymKey' in old.profile).toBe(false);
    expect(old.ok && 'authorMode' in old.profile).toBe(false);
    const bad = profileFromJson(profileToJson({ ...DEMO_PROFILE, pseudonymKey: 'kurz', authorMode: 'x' as never }));
    expect(bad.ok && bad.profile.pseudonymKey).toBeUndefined();
    expect(bad.ok && bad.profile.authorMode).toBeUndefined();
  });

  it('the team author mode wins; profiles without one use the local setting', async () => {
    expect(authorModeOf(DEMO_PROFILE, { ...DEFAULT_PRIVACY, authorMode: 'plain' })).toBe('plain');
    expect(authorModeOf({ ...DEMO_PROFILE, authorMode: 'none' }, { ...DEFAULT_PRIVACY, authorMode: 'plain' })).toBe(
      'none',
    );
    await privacyItem.setValue({ ...DEFAULT_PRIVACY, authorMode: 'plain' });
    await profileItem.setValue({ ...DEMO_PROFILE, authorMode: 'pseudonym', pseudonymKey: KEY });
    expect(await teamPrivacy()).toEqual({ authorMode: 'pseudonym', pseudonymKey: KEY });
  });
});

describe('export authors', () => {
  it('carry pseudonyms by default, names only in "plain" mode, nothing in "none"', async () => {
    const { authorsForExport } = await import('../../utils/privacy/team-privacy');
    const rows = [{ author: 'Max Müller' }, { author: 'Person 0A1B' }, { author: '' }, { author: 'Max Müller' }];
    const pseudo = await authorsForExport(rows, { authorMode: 'pseudonym', pseudonymKey: KEY });
    const p = await pseudonymise('Max Müller', KEY);
    expect(pseudo.map((r) => r.author)).toEqual([p, 'Person 0A1B', '', p]);
    expect(JSON.stringify(pseudo)).not.toContain('Müller');
    expect((await authorsForExport(rows, { authorMode: 'none', pseudonymKey: KEY })).map((r) => r.author)).toEqual([
      '',
      '',
      '',
      '',
    ]);
    expect(await authorsForExport(rows, { authorMode: 'plain', pseudonymKey: KEY })).toEqual(rows);
  });
});
