// PouchDB's packages ship no types; the bridge uses the shapes in ./pouch-types.ts.
declare module 'pouchdb-core' {
  import type { PouchStatic } from './pouch-types';

  const PouchDB: PouchStatic & { plugin(p: unknown): PouchStatic & { plugin(p: unknown): unknown } };
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  const expressPouchdb: (pouch: unknown, opts?: object) => (req: unknown, res: unknown, next: unknown) => void;
  export default expressPouchdb;
}
