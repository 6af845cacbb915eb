// Team sync in the background (issue 17): starts the bridge when a team server is set up, restarts it when the
// settings change, shares the team profile, applies the retention purge to the shared log, and erases this
// browser's copy for "Alles löschen". PouchDB is only loaded when sync is on (or a replica has to be erased).
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { deleteAll, retentionCutoff } from '../mentions';
import { onMessage } from '../messaging';
import { privacyItem, profileItem } from '../settings';
import { checkServerUrl } from '../sync/check';
import type { TeamSync } from '../sync/engine';
import { type TeamSettings, type TeamSyncStatus, teamSettingsItem, teamStatusItem } from '../sync/settings';
import { hiddenPostsItem } from './hidden-posts';
import { RETENTION_ALARM } from './retention';

/** One local replica per team database, so switching servers never mixes two teams' logs. */
function replicaName(dbUrl: string): string {
  // No ':' in the name: PouchDB would read 'https:' as an adapter name.
  return `lauscher-team-${dbUrl.replace(/[^a-z0-9]+/gi, '_')}`;
}

export function setUpTeamSync() {
  let current: TeamSync | undefined;
  let appliedKey = '';
  let chain: Promise<unknown> = Promise.resolve();
  /** The profile JSON last received from the team, so writing it locally is not published back as an edit. */
  let fromTeam = '';
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  let latest: TeamSyncStatus | undefined;

  const writeStatus = (s: TeamSyncStatus) => {
    latest = s;
    if (statusTimer !== undefined) return;
    statusTimer = setTimeout(() => {
      statusTimer = undefined;
      if (latest) void teamStatusItem.setValue(latest);
    }, 250);
  };

  /** Runs after everything queued before it: starting, stopping and erasing never overlap. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = chain.then(job);
    chain = next.catch((err) => console.error('[Lauscher] team sync', err));
    return next;
  };

  /** Retention for the shared log: what the local purge deletes goes on the server (and at colleagues) too. */
  const purgeTeamLog = () =>
    serial(async () => {
      if (!current) return;
      const { retentionDays } = await privacyItem.getValue();
      await current.purgeBefore(retentionCutoff(retentionDays, Date.now()));
    });

  const apply = (settings: TeamSettings) =>
    serial(async () => {
      const key = JSON.stringify(settings);
      if (key === appliedKey) return;
      appliedKey = key;
      await current?.stop().catch(() => undefined);
      current = undefined;
      if (!settings.enabled) return void (await teamStatusItem.setValue({ state: 'off', pending: 0 }));
      const url = checkServerUrl(settings.url);
      if (!url.ok) return void (await teamStatusItem.setValue({ state: 'error', pending: 0, errorKey: url.errorKey }));
      const [{ TeamSync }, { loadBrowserPouch }] = await Promise.all([
        import('../sync/engine'),
        import('../sync/pouch'),
      ]);
      const sync = new TeamSync({
        db: getDb(),
        Pouch: await loadBrowserPouch(),
        localName: replicaName(url.dbUrl),
        dbUrl: url.dbUrl,
        user: settings.user,
        password: settings.password,
        displayName: settings.displayName,
        onStatus: writeStatus,
        onTeamProfile: (doc) => {
          fromTeam = JSON.stringify(doc.profile);
          void profileItem.setValue(doc.profile);
        },
      });
      current = sync;
      try {
        await sync.start();
      } catch (err) {
        await teamStatusItem.setValue({ state: 'error', pending: 0, errorKey: 'teamErrUnreachable' });
        throw err;
      }
      void purgeTeamLog();
    });

  /**
   * "Alles löschen": this browser's copy only. Erasing the whole team log from one click would be dangerous (and is
   * the IT's job, docs/team-server.md); but the replica is this browser's copy too, and a running sync would bring
   * the colleagues' entries straight back, so sync is switched off and the replica erased with the log.
   */
  const eraseLog = () =>
    serial(async () => {
      const settings = await teamSettingsItem.getValue();
      const url = checkServerUrl(settings.url);
      let teamSyncOff = false;
      if (current) {
        await current.destroyLocal();
        current = undefined;
        teamSyncOff = true;
      } else if (url.ok) {
        // Sync was off, but a replica from earlier may still hold the team log in this browser.
        const { loadBrowserPouch } = await import('../sync/pouch');
        const Pouch = await loadBrowserPouch();
        await new Pouch(replicaName(url.dbUrl)).destroy();
      }
      const { SEQ_KEY } = await import('../sync/engine');
      const db = getDb();
      await db.meta.where('key').startsWith(SEQ_KEY).delete();
      const erased = await deleteAll(db);
      await hiddenPostsItem.removeValue();
      if (settings.enabled) {
        const off = { ...settings, enabled: false };
        appliedKey = JSON.stringify(off);
        await teamSettingsItem.setValue(off);
        await teamStatusItem.setValue({ state: 'off', pending: 0 });
      }
      return { erased, teamSyncOff: teamSyncOff || settings.enabled };
    });

  void teamSettingsItem.getValue().then(apply);
  teamSettingsItem.watch((s) => void apply(s));
  profileItem.watch((profile) => {
    if (!current || JSON.stringify(profile) === fromTeam) return;
    void current.publishProfile(profile);
  });
  privacyItem.watch(() => void purgeTeamLog());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void purgeTeamLog();
  });
  onMessage('uiEraseLog', () => eraseLog());
}
