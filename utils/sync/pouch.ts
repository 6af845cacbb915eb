// PouchDB is loaded only when a team turns sync on (dynamic import), so teams without a server carry nothing extra.
// In the browser: IndexedDB for the local replica, fetch-based http adapter for CouchDB (no XMLHttpRequest, so it
// runs in the MV3 service worker).
import type { PouchStatic } from './pouch-types';

let loaded: Promise<PouchStatic> | undefined;

export function loadBrowserPouch(): Promise<PouchStatic> {
  loaded ??= (async () => {
    const [core, idb, http, replication] = await Promise.all([
      import('pouchdb-core'),
      import('pouchdb-adapter-idb'),
      import('pouchdb-adapter-http'),
      import('pouchdb-replication'),
    ]);
    const PouchDB = core.default;
    PouchDB.plugin(idb.default);
    PouchDB.plugin(http.default);
    PouchDB.plugin(replication.default);
    return PouchDB;
  })();
  return loaded;
}
