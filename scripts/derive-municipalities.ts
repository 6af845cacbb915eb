// Derives the compact municipality list used by the options page's name suggestions from the official
// Gemeindeverzeichnis (Destatis, GV-ISys quarterly extract, CSV). Run once when a new extract is published:
//   npx tsx scripts/derive-municipalities.ts <path/to/AuszugGV4QAktuell.csv>
// Output: utils/municipalities/municipalities.json — [name, kreis, land, population, plz] per municipality — and
// utils/municipalities/kreise.json — [name, kind, land, population] per Kreis (kind: 'kreis' for the register's
// "Kreis", 'landkreis', 'regionalverband'; kreisfreie Städte and Stadtkreise are municipalities already).
// Data licence: Datenlizenz Deutschland – Namensnennung – Version 2.0, © Statistisches Bundesamt (Destatis).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const source = process.argv[2];
if (!source) {
  console.error('usage: npx tsx scripts/derive-municipalities.ts <AuszugGV4QAktuell.csv>');
  process.exit(1);
}
const rows = Papa.parse<string[]>(readFileSync(source, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const [header, ...body] = rows;
const col = (name: string) => {
  const i = header?.indexOf(name) ?? -1;
  if (i < 0) throw new Error(`column ${name} missing`);
  return i;
};
const c = {
  satzart: col('satzart'),
  land: col('land'),
  rb: col('rb'),
  kreis: col('kreis'),
  name: col('gemeindename'),
  text: col('textkennzeichen'),
  population: col('bevoelkerung'),
  plz: col('postleitzahl'),
};
const lands = new Map<string, string>();
const kreise = new Map<string, string>();
/** textkennzeichen of Kreis rows (satzart 40): 41 kreisfreie Stadt, 42 Stadtkreis, 43 Kreis, 44 Landkreis, 45 Regionalverband */
const KREIS_KINDS: Record<string, string> = { '43': 'kreis', '44': 'landkreis', '45': 'regionalverband' };
const kreisRows: Array<[string, string, string, number]> = [];
const kreisIndex = new Map<string, [string, string, string, number]>();
const out: Array<[string, string, string, number, string]> = [];
for (const r of body) {
  const get = (i: number) => (r[i] ?? '').trim();
  const kreisKey = `${get(c.land)}${get(c.rb)}${get(c.kreis)}`;
  switch (get(c.satzart)) {
    case '10':
      lands.set(get(c.land), get(c.name));
      break;
    case '40': {
      kreise.set(kreisKey, get(c.name));
      const kind = KREIS_KINDS[get(c.text)];
      if (kind) {
        const row: [string, string, string, number] = [get(c.name), kind, lands.get(get(c.land)) ?? '', 0];
        kreisRows.push(row);
        kreisIndex.set(kreisKey, row);
      }
      break;
    }
    case '60': {
      const kreisRow = kreisIndex.get(kreisKey);
      if (kreisRow) kreisRow[3] += Number(get(c.population).replace(/\s/g, '')) || 0;
      out.push([
        get(c.name),
        (kreise.get(kreisKey) ?? '') === get(c.name) ? '' : (kreise.get(kreisKey) ?? ''),
        lands.get(get(c.land)) ?? '',
        Number(get(c.population).replace(/\s/g, '')) || 0,
        get(c.plz),
      ]);
      break;
    }
  }
}
out.sort((a, b) => b[3] - a[3]);
const target = join(import.meta.dirname, '..', 'utils', 'municipalities', 'municipalities.json');
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`${out.length} municipalities → ${target}`);
kreisRows.sort((a, b) => b[3] - a[3]);
const kreisTarget = join(import.meta.dirname, '..', 'utils', 'municipalities', 'kreise.json');
writeFileSync(kreisTarget, `${JSON.stringify(kreisRows)}\n`);
console.log(`${kreisRows.length} Kreise → ${kreisTarget}`);
