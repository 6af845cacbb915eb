// Landkreise and Kreise from the register (kreise.json as the project ships it).
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../utils/matcher';
import type { MunicipalityRow } from '../../utils/municipalities';
import {
  type KreisRow,
  kreisForms,
  kreisMembers,
  kreisName,
  memberTerms,
  suggestKreise,
} from '../../utils/municipalities/kreise';
import kreisRows from '../../utils/municipalities/kreise.json';
import rows from '../../utils/municipalities/municipalities.json';

const kreise = kreisRows as KreisRow[];
const all = rows as MunicipalityRow[];

describe('Kreise', () => {
  it('holds the 294 Kreise, Landkreise and Regionalverbände of the register, with their population', () => {
    expect(kreise.length).toBe(294);
    const esslingen = kreise.find((k) => k[0] === 'Esslingen');
    expect(esslingen?.[1]).toBe('landkreis');
    expect(esslingen?.[3]).toBeGreaterThan(500_000);
  });

  it('names them as they call themselves', () => {
    expect(kreisName(['Esslingen', 'landkreis'])).toBe('Landkreis Esslingen');
    expect(kreisName(['Borken', 'kreis'])).toBe('Kreis Borken');
    expect(kreisName(['Rhein-Sieg-Kreis', 'kreis'])).toBe('Rhein-Sieg-Kreis');
    expect(kreisName(['Region Hannover', 'landkreis'])).toBe('Region Hannover');
  });

  it('suggests a Landkreis by its register name or its own name', () => {
    expect(suggestKreise('Essl', kreise)[0]?.name).toBe('Landkreis Esslingen');
    expect(suggestKreise('Landkreis Essl', kreise)[0]?.name).toBe('Landkreis Esslingen');
    expect(suggestKreise('E', kreise)).toEqual([]);
  });

  it("gives the Kreis's own forms, every one of which compiles and matches", () => {
    const forms = kreisForms(['Esslingen', 'landkreis']);
    expect(forms).toEqual([
      'Landkreis Esslingen',
      'Kreis Esslingen',
      'LK Esslingen',
      'Landratsamt Esslingen',
      '#LandkreisEsslingen',
    ]);
    for (const k of kreise) {
      const [name, ...aliases] = kreisForms(k);
      const m = compileMatcher({ municipality: { name: name as string, aliases }, topics: [] });
      expect(m.scan(`Neues aus dem ${name}: Straßensperrung`).length, name).toBeGreaterThan(0);
    }
  });

  it('offers the municipalities of the Kreis as terms of a topic', () => {
    const kreis = suggestKreise('Esslingen', kreise)[0];
    expect(kreis).toBeDefined();
    if (!kreis) return;
    const members = kreisMembers(kreis, all);
    expect(members.length).toBe(44);
    const terms = memberTerms(members);
    expect(terms).toContain('Esslingen');
    expect(terms).toContain('Esslinger');
    expect(terms).toContain('Nürtingen');
    const m = compileMatcher({ municipality: { name: '' }, topics: [{ id: 'k', terms }] });
    expect(m.scan('Die Nürtinger Feuerwehr in Kirchheim').length).toBe(2);
  });
});
