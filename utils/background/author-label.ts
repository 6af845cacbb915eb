// The author as the log stores it (privacy mode applied: "Person 3F9A", the name, or nothing), for what the content
// script announces on the page: the navigator's announcement names authors the way the side panel shows them.
import { getDb, getInstallSalt } from '../db';
import { applyAuthorMode } from '../mentions';
import { onMessage } from '../messaging';
import { privacyItem } from '../settings';

export function setUpAuthorLabel() {
  onMessage('csAuthorLabel', async ({ data }) => {
    const [privacy, salt] = await Promise.all([privacyItem.getValue(), getInstallSalt(getDb())]);
    return applyAuthorMode(data.author, privacy.authorMode, salt);
  });
}
