// `npm run bench`: runs every bench/<section>.ts (or the ones named on the command line), prints a table per
// section and writes all figures to .bench/results.json. Figures are ratios against a baseline run in the same
// process, so they compare across machines; absolute times are printed for context only.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Section = () => Promise<Record<string, unknown>>;

const benchDir = join(import.meta.dirname, '..', 'bench');
const outDir = join(import.meta.dirname, '..', '.bench');
const wanted = process.argv.slice(2);
const sections = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name));

const resultsFile = join(outDir, 'results.json');
let results: Record<string, unknown> = {};
try {
  results = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  // first run
}

for (const name of sections) {
  const mod = (await import(pathToFileURL(join(benchDir, `${name}.ts`)).href)) as { default: Section };
  console.log(`\n▶ ${name}`);
  const figures = await mod.default();
  results[name] = figures;
  console.table(figures);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${resultsFile}`);
