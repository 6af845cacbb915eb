// The background's second line: whatever a content script sends, nothing from a private area or from a site in
// "observe only"/"off" mode reaches the log; authors are stored with the team key from the profile.
import { afterEach, describe, expect, it } from 'vitest';
import { setUpMentionLog } from '../../utils/background/mention-log';
import { getDb } from '../../utils/db';
import { pseudonymise } from '../../utils/mentions';
import { sendMessage } from '../../utils/messaging';
import { DEMO_PROFILE, profileItem, siteModesItem } from '../../utils/settings';
import { input } from './mentions-helpers';

const KEY = 'c'.repeat(64);

afterEach(async () => {
  await getDb().mentions.clear();
});

describe('mention log guard', () => {
  it('stores from "log" sites only, never from private areas, with the team pseudonym', async () => {
    setUpMentionLog();
    await profileItem.setValue({ ...DEMO_PROFILE, pseudonymKey: KEY });
    await siteModesItem.setValue({ x: 'observe', '*://www.lokalzeitung.de/*': 'off' });
    const sent = [
      input('fb'),
      input('dm', {
        pageUrl: 'https://www.facebook.com/messages/t/1/',
        permalink: 'https://www.facebook.com/messages/t/1/',
      }),
      input('x1', { platform: 'x', pageUrl: 'https://x.com/home', permalink: 'https://x.com/a/status/1' }),
      input('paper', {
        platform: 'generic',
        pageUrl: 'https://www.lokalzeitung.de/a',
        permalink: 'https://www.lokalzeitung.de/a#c1',
      }),
    ];
    const result = await sendMessage('csLogMentions', sent);
    expect(result.stored).toBe(1);
    const rows = await getDb().mentions.toArray();
    expect(rows.map((r) => r.mentionKey)).toEqual(['fb']);
    expect(rows[0]?.author).toBe(await pseudonymise('Erika Mustermann', KEY));

    await siteModesItem.setValue({ facebook: 'observe' });
    expect((await sendMessage('csLogMentions', [input('fb2')])).stored).toBe(0);
    expect((await getDb().mentions.toArray()).map((r) => r.mentionKey)).toEqual(['fb']);
  });
});
