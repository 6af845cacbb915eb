// A real CouchDB-protocol server for tests and the bench: express-pouchdb (PouchDB's CouchDB HTTP API) on an
// in-memory PouchDB, on a random port of 127.0.0.1 only. CouchDB's own auth (_users, _security) is not part of
// express-pouchdb's in-memory mode, so one team user is checked in front with Basic auth, answering 401 with
// CouchDB's body, as CouchDB does for a wrong password.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import expressPouchdb from 'express-pouchdb';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import type { PouchStatic } from '../../utils/sync/pouch-types';

PouchDB.plugin(memory);
PouchDB.plugin(http);
PouchDB.plugin(replication);

/** PouchDB for Node clients in tests (memory adapter for the local replica, http for the server). */
export const NodePouch = PouchDB as PouchStatic;

export interface CouchServer {
  url: string;
  port: number;
  /** The team database URL. */
  dbUrl: string;
  user: string;
  password: string;
  close(): Promise<void>;
}

let serverCount = 0;

export async function startCouchServer(opts: { port?: number; dbName?: string } = {}): Promise<CouchServer> {
  const user = 'anna';
  const password = 'geheim-123';
  const dbName = opts.dbName ?? 'lauscher-team';
  serverCount += 1;
  // Each server its own in-memory name space.
  const prefix = `srv${process.pid}-${serverCount}-`;
  const ServerPouch = (PouchDB as unknown as { defaults(o: object): unknown }).defaults({ adapter: 'memory', prefix });
  // express-pouchdb brings its own Express 4 app; a plain Node server in front checks CORS and the password.
  const couch = expressPouchdb(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const server: Server = createServer((req, res) => {
    // CORS as a CouchDB with [chttpd] enable_cors would answer (the extension also holds a host permission).
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
    }
    couch(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const created = await fetch(`${url}/${dbName}`, { method: 'PUT', headers: { Authorization: auth } });
  if (!created.ok) throw new Error(`could not create ${dbName}: ${created.status}`);
  return {
    url,
    port,
    dbUrl: `${url}/${dbName}`,
    user,
    password,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
