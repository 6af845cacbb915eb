// The few PouchDB shapes the bridge uses. (@types/pouchdb-* pull `lib: dom` into every file, which breaks the
// Node scripts' typecheck; PouchDB's documented API is small enough to state here.)

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  _deleted?: boolean;
  [field: string]: unknown;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  doc?: PouchDoc;
}

export interface PouchEmitter<Self> {
  on(event: string, listener: (...args: never[]) => void): Self;
  cancel(): void;
}

export interface PouchChanges extends PouchEmitter<PouchChanges> {}
export interface PouchSync extends PouchEmitter<PouchSync> {
  /** The two directions of a sync; each emits 'requestError' before it retries. */
  push?: PouchEmitter<unknown>;
  pull?: PouchEmitter<unknown>;
}

export type PouchBulkResult = { ok: true; id: string; rev: string } | { error: string; id: string; status?: number };

export interface PouchDatabase {
  allDocs(opts: { include_docs: boolean }): Promise<{ rows: { id: string; doc?: PouchDoc }[] }>;
  get(id: string, opts?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: object[]): Promise<PouchBulkResult[]>;
  changes(opts: { since: number | string; live: boolean; include_docs: boolean; conflicts: boolean }): PouchChanges;
  sync(
    remote: PouchDatabase,
    opts: { live: boolean; retry: boolean; back_off_function?: (delay: number) => number },
  ): PouchSync;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  /** Drops the bodies of old (non-leaf) revisions, e.g. a deleted mention's last snippet. */
  compact(): Promise<unknown>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchRemoteOptions {
  skip_setup?: boolean;
  auth?: { username: string; password: string };
  fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
}

export type PouchStatic = new (name: string, opts?: PouchRemoteOptions & { adapter?: string }) => PouchDatabase;
