// Team sync settings and status (issue 17). Credentials live only in extension storage (never synced, never exported).
import { storage } from 'wxt/utils/storage';

export interface TeamSettings {
  enabled: boolean;
  /** The team database, e.g. https://couchdb.kommune.de/lauscher-team */
  url: string;
  user: string;
  password: string;
  /** How colleagues see this person: "beantwortet von Anna". */
  displayName: string;
}

/** The name recorded with this person's work ("beantwortet von Anna"): the display name, else the server user. */
export function teamDisplayName(s: Pick<TeamSettings, 'displayName' | 'user'>): string {
  return s.displayName.trim() || s.user.trim();
}

/** Whether this person works in a team: sync set up, or at least a name to record their work with. */
export function worksInTeam(s: TeamSettings): boolean {
  return s.enabled || s.displayName.trim() !== '';
}

export const DEFAULT_TEAM_SETTINGS: TeamSettings = { enabled: false, url: '', user: '', password: '', displayName: '' };

export type TeamSyncState = 'off' | 'connecting' | 'active' | 'idle' | 'offline' | 'error';

export interface TeamSyncStatus {
  state: TeamSyncState;
  /** Epoch ms of the last time both directions were caught up. */
  lastSync?: number;
  /** Local changes not yet on the server. */
  pending: number;
  /** A _locales key (team…) describing the last error. */
  errorKey?: string;
}

export const teamSettingsItem = storage.defineItem<TeamSettings>('local:teamSettings', {
  fallback: DEFAULT_TEAM_SETTINGS,
  version: 1,
});

export const teamStatusItem = storage.defineItem<TeamSyncStatus>('local:teamSyncStatus', {
  fallback: { state: 'off', pending: 0 },
  version: 1,
});
