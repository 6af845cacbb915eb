// The author as the log stores it (the team's privacy mode applied: "Person 3F9A", the name, or nothing), for what the
// content script announces on the page: the navigator's announcement names authors the way the side panel shows them.
import { applyAuthorMode } from '../mentions';
import { onMessage } from '../messaging';
import { teamPrivacy } from '../privacy/team-privacy';

export function setUpAuthorLabel() {
  onMessage('csAuthorLabel', async ({ data }) => {
    const { authorMode, pseudonymKey } = await teamPrivacy();
    return applyAuthorMode(data.author, authorMode, pseudonymKey);
  });
}
