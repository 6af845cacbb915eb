// The register (~11,000 municipalities, ~300 Kreise) loads only when the municipality field is used.
import type { MunicipalityRow } from '../../utils/municipalities';
import { coreCounts } from '../../utils/municipalities/derive';
import type { KreisRow } from '../../utils/municipalities/kreise';

export interface Register {
  rows: MunicipalityRow[];
  kreise: KreisRow[];
  /** municipalities per core name, for ambiguity notes */
  counts: Map<string, number>;
}

let registerPromise: Promise<Register> | undefined;

export function loadRegister(): Promise<Register> {
  registerPromise ??= Promise.all([
    import('../../utils/municipalities/municipalities.json'),
    import('../../utils/municipalities/kreise.json'),
  ]).then(([m, k]) => {
    const rows = m.default as MunicipalityRow[];
    return { rows, kreise: k.default as KreisRow[], counts: coreCounts(rows.map((r) => r[0])) };
  });
  return registerPromise;
}
