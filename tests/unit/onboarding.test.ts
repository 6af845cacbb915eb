// What onboarding fills in for a picked municipality or Kreis, and the context-matching switch.
import { describe, expect, it } from 'vitest';
import type { MunicipalityRow } from '../../utils/municipalities';
import { coreCounts } from '../../utils/municipalities/derive';
import rows from '../../utils/municipalities/municipalities.json';
import { namesForKreis, namesForMunicipality, withContext } from '../../utils/municipalities/onboarding';

const counts = coreCounts((rows as MunicipalityRow[]).map((r) => r[0]));

describe('onboarding names', () => {
  it('starts context matching on for everyday words, off for shared names', () => {
    expect(namesForMunicipality('Halle (Saale), Stadt', counts)).toEqual({
      name: 'Halle (Saale)',
      aliases: ['Haller', '#Halle'],
      contextual: ['Halle'],
      caseSensitive: true,
    });
    expect(namesForMunicipality('Frankfurt am Main, Stadt', counts)).toEqual({
      name: 'Frankfurt am Main',
      aliases: ['Frankfurt', '#Frankfurt'],
      contextual: [],
      caseSensitive: false,
    });
  });

  it('switches context matching both ways and keeps the user’s own names', () => {
    const start = { ...namesForMunicipality('Frankfurt am Main, Stadt', counts) };
    start.aliases = [...start.aliases, 'Sachsenhausen'];
    const on = withContext(start, 'Frankfurt am Main, Stadt', true);
    expect(on).toMatchObject({ aliases: ['Frankfurter', '#Frankfurt', 'Sachsenhausen'], contextual: ['Frankfurt'] });
    expect(withContext(on, 'Frankfurt am Main, Stadt', false)).toMatchObject({
      aliases: ['Frankfurt', '#Frankfurt', 'Sachsenhausen'],
      contextual: [],
    });
  });

  it('fills in a Kreis by its own forms', () => {
    expect(namesForKreis({ registerName: 'Borken', kind: 'kreis' })).toEqual({
      name: 'Kreis Borken',
      aliases: ['Landkreis Borken', 'LK Borken', 'Landratsamt Borken', 'Kreisverwaltung Borken', '#KreisBorken'],
      contextual: [],
      caseSensitive: false,
    });
  });
});
