// The team pseudonym key: created with the profile at install, and never lost by a save that did not carry it.
import { ensurePseudonymKey, keepPseudonymKey } from '../privacy/team-privacy';
import { profileItem } from '../settings';

export function setUpPseudonymKey() {
  profileItem.watch((next, previous) => {
    const kept = keepPseudonymKey(next, previous);
    if (kept) void profileItem.setValue(kept);
  });
  void ensurePseudonymKey().catch((err) => console.warn('[Lauscher] pseudonym key', err));
}
