// "Verbindung prüfen": is the URL acceptable, and does the CouchDB team database answer for these credentials?
// Returns _locales keys (team…), so every page shows the same German/English message.

export type TeamErrorKey =
  | 'teamErrBadUrl'
  | 'teamErrNoTls'
  | 'teamErrNoDatabaseInUrl'
  | 'teamErrUnreachable'
  | 'teamErrWrongPassword'
  | 'teamErrForbidden'
  | 'teamErrNoDatabase'
  | 'teamErrNotCouch'
  | 'teamErrNoPermission';

export type UrlCheck = { ok: true; dbUrl: string; origin: string } | { ok: false; errorKey: TeamErrorKey };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https only, except on this machine (localhost, 127.0.0.1); the path names the team database. */
export function checkServerUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, errorKey: 'teamErrBadUrl' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, errorKey: 'teamErrBadUrl' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, errorKey: 'teamErrBadUrl' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, errorKey: 'teamErrNoTls' };
  const path = url.pathname.replace(/\/+$/, '');
  if (!path || path === '') return { ok: false, errorKey: 'teamErrNoDatabaseInUrl' };
  return { ok: true, dbUrl: `${url.origin}${path}`, origin: url.origin };
}

export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Maps an HTTP status (or a PouchDB error's status) to the message a person can act on. */
export function errorKeyForStatus(status: number | undefined): TeamErrorKey {
  if (status === 401) return 'teamErrWrongPassword';
  if (status === 403) return 'teamErrForbidden';
  if (status === 404) return 'teamErrNoDatabase';
  if (!status) return 'teamErrUnreachable';
  return 'teamErrNotCouch';
}

export type ConnectionCheck = { ok: true; docCount: number } | { ok: false; errorKey: TeamErrorKey };

export async function checkConnection(
  raw: string,
  user: string,
  password: string,
  fetchFn: typeof fetch = fetch,
): Promise<ConnectionCheck> {
  const url = checkServerUrl(raw);
  if (!url.ok) return url;
  let res: Response;
  try {
    res = await fetchFn(url.dbUrl, {
      headers: { Accept: 'application/json', Authorization: basicAuth(user, password) },
      credentials: 'omit',
    });
  } catch {
    return { ok: false, errorKey: 'teamErrUnreachable' };
  }
  if (!res.ok) return { ok: false, errorKey: errorKeyForStatus(res.status) };
  try {
    const info = (await res.json()) as { db_name?: unknown; doc_count?: unknown };
    if (typeof info.db_name !== 'string') return { ok: false, errorKey: 'teamErrNotCouch' };
    return { ok: true, docCount: typeof info.doc_count === 'number' ? info.doc_count : 0 };
  } catch {
    return { ok: false, errorKey: 'teamErrNotCouch' };
  }
}
