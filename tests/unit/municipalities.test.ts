import { describe, expect, it } from 'vitest';
import { isCommonWord, type MunicipalityRow, shortName, suggestMunicipalities } from '../../utils/municipalities';
import rows from '../../utils/municipalities/municipalities.json';

const all = rows as MunicipalityRow[];

describe('municipality suggestions from the Gemeindeverzeichnis', () => {
  it('holds every municipality of the register', () => {
    expect(all.length).toBe(11004);
  });

  it('suggests by prefix, umlaut-insensitive, largest first, with the name people write', () => {
    const [first] = suggestMunicipalities('muench', all);
    expect(first?.name).toBe('München');
    expect(first?.land).toBe('Bayern');
    expect(suggestMunicipalities('kiel', all)[0]?.official).toBe('Kiel, Landeshauptstadt');
    const neustadt = suggestMunicipalities('Neustadt', all, 20);
    expect(neustadt.length).toBeGreaterThan(10); // Neustadt an der Weinstraße, bei Coburg, …
    expect(neustadt[0]?.population).toBeGreaterThanOrEqual(neustadt[1]?.population ?? 0);
    expect(suggestMunicipalities('a', all)).toEqual([]);
  });

  it('keeps the part in brackets and drops the status suffix', () => {
    expect(shortName('Halle (Saale), Stadt')).toBe('Halle (Saale)');
    expect(shortName('Frankfurt am Main, Stadt')).toBe('Frankfurt am Main');
  });

  it('knows town names that are everyday words', () => {
    expect(isCommonWord('Essen')).toBe(true);
    expect(isCommonWord('Halle (Saale)')).toBe(true);
    expect(isCommonWord('Stuttgart')).toBe(false);
  });
});
