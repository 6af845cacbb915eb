// Team sync in the background (issue 17): starts the bridge when a team server is set up, restarts it when the
// settings change, and shares the team profile. PouchDB is only loaded when sync is on.
import { getDb } from '../db';
import { profileItem } from '../settings';
import { checkServerUrl } from '../sync/check';
import type { TeamSync } from '../sync/engine';
import { type TeamSettings, type TeamSyncStatus, teamSettingsItem, teamStatusItem } from '../sync/settings';

export function setUpTeamSync() {
  let current: TeamSync | undefined;
  let appliedKey = '';
  let chain: Promise<void> = Promise.resolve();
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

  const apply = (settings: TeamSettings) => {
    chain = chain.then(async () => {
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
        // One local replica per team database, so switching servers never mixes two teams' logs. (No ':' in the
        // name: PouchDB would read 'https:' as an adapter name.)
        localName: `lauscher-team-${url.dbUrl.replace(/[^a-z0-9]+/gi, '_')}`,
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
      await sync.start();
    });
    chain = chain.catch((err) => {
      console.error('[Lauscher] team sync start failed', err);
      void teamStatusItem.setValue({ state: 'error', pending: 0, errorKey: 'teamErrUnreachable' });
    });
  };

  void teamSettingsItem.getValue().then(apply);
  teamSettingsItem.watch((s) => apply(s));
  profileItem.watch((profile) => {
    if (!current || JSON.stringify(profile) === fromTeam) return;
    void current.publishProfile(profile);
  });
}
