// Private areas per site: messages, mail and account pages are never observed; the ordinary pages next to them are.
// The private URLs are shapes taken from links in the real saved pages (tests/fixtures, /messages/t/…, /direct/inbox/).
import { describe, expect, it } from 'vitest';
import { hostPatterns } from '../../utils/platforms/hosts';
import { builtInPlatformOf, isPrivateArea, patternCoversHost } from '../../utils/privacy/private-areas';
import { sitePatternFor } from '../../utils/site-patterns';

const PRIVATE: Record<string, string[]> = {
  facebook: [
    'https://www.facebook.com/messages/t/61559931025910/',
    'https://www.facebook.com/messages/e2ee/t/28029536096694673/',
    'https://www.facebook.com/messages/',
    'https://m.facebook.com/messages/read/?tid=1',
    'https://web.facebook.com/settings/?tab=privacy',
    'https://www.facebook.com/settings.php',
    'https://www.facebook.com/marketplace/inbox/',
    'https://accountscenter.facebook.com/personal_info',
    'https://www.facebook.com/login/',
  ],
  x: [
    'https://x.com/messages',
    'https://x.com/messages/123-456',
    'https://x.com/i/chat/123',
    'https://twitter.com/settings/account',
    'https://x.com/i/bookmarks',
    'https://x.com/i/flow/login',
  ],
  instagram: [
    'https://www.instagram.com/direct/inbox/',
    'https://www.instagram.com/direct/t/1234/',
    'https://www.instagram.com/accounts/edit/',
    'https://www.instagram.com/accounts/meta_verified/',
  ],
  youtube: [
    'https://www.youtube.com/account',
    'https://www.youtube.com/account_privacy',
    'https://www.youtube.com/feed/history',
  ],
  reddit: [
    'https://www.reddit.com/message/inbox/',
    'https://www.reddit.com/message/compose',
    'https://chat.reddit.com/room/abc',
    'https://www.reddit.com/settings/account',
    'https://old.reddit.com/prefs/',
  ],
  linkedin: [
    'https://www.linkedin.com/messaging/',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/mypreferences/d/categories/account',
    'https://www.linkedin.com/psettings/',
  ],
  nebenan: ['https://nebenan.de/messages', 'https://nebenan.de/messages/42', 'https://nebenan.de/settings'],
  mastodon: [
    'https://mastodon.social/conversations',
    'https://chaos.social/web/conversations',
    'https://social.bund.de/settings/profile',
    'https://musterstadt.social/settings/preferences', // a user-added instance
    'https://mastodon.social/oauth/authorize',
  ],
  mail: [
    'https://www.messenger.com/t/100093469632849/',
    'https://messenger.com/',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://webmail.musterstadt.de/',
    'https://outlook.office.com/mail/',
    'https://web.whatsapp.com/',
  ],
  account: ['https://www.lokalzeitung.de/mein-konto/abo', 'https://www.lokalzeitung.de/login'],
};

const PUBLIC: Record<string, string[]> = {
  facebook: [
    'https://www.facebook.com/groups/musterstadt/',
    'https://www.facebook.com/groups/musterstadt/posts/123/',
    'https://m.facebook.com/story.php?story_fbid=1&id=2',
    'https://www.facebook.com/',
    'https://www.facebook.com/stadtmusterstadt/posts/pfbid02',
    'https://www.facebook.com/messagesfromthemayor/', // a page whose name merely starts like a private path
    'https://www.facebook.com/notifications/', // public reactions to the town's posts
  ],
  x: ['https://x.com/home', 'https://x.com/stadt_muster/status/1', 'https://x.com/search?q=musterstadt'],
  instagram: [
    'https://www.instagram.com/',
    'https://www.instagram.com/p/Cabc/',
    'https://www.instagram.com/directions/',
  ],
  youtube: ['https://www.youtube.com/watch?v=abc', 'https://www.youtube.com/shorts/abc'],
  reddit: ['https://www.reddit.com/r/de/comments/abc/', 'https://old.reddit.com/r/musterstadt/'],
  linkedin: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/posts/stadt-musterstadt_abc'],
  nebenan: ['https://nebenan.de/feed', 'https://nebenan.de/groups/7'],
  mastodon: ['https://mastodon.social/@stadt', 'https://chaos.social/@a/1234', 'https://musterstadt.social/@rathaus'],
  other: ['https://www.lokalzeitung.de/lokales/stadtfest', 'https://www.lokalzeitung.de/kontakt'],
};

describe('private areas', () => {
  for (const [site, urls] of Object.entries(PRIVATE)) {
    it.each(urls)(`${site}: %s is private`, (url) => {
      expect(isPrivateArea(url)).toBe(true);
      expect(isPrivateArea(new URL(url))).toBe(true);
    });
  }
  for (const [site, urls] of Object.entries(PUBLIC)) {
    it.each(urls)(`${site}: %s is observed`, (url) => {
      expect(isPrivateArea(url)).toBe(false);
    });
  }

  it('an unparsable URL counts as private (never observed by mistake)', () => {
    expect(isPrivateArea('not a url')).toBe(true);
  });

  it('messenger.com stays outside the manifest and cannot be added as a site', () => {
    for (const host of ['messenger.com', 'www.messenger.com']) {
      expect(hostPatterns.some((p) => patternCoversHost(p, host))).toBe(false);
      const r = sitePatternFor(host);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.messageKey).toBe('validateSitePrivate');
    }
    expect(sitePatternFor('mail.google.com').ok).toBe(false);
    expect(sitePatternFor('www.lokalzeitung.de').ok).toBe(true);
  });

  it('knows the built-in platform of a host from the manifest patterns alone', () => {
    expect(builtInPlatformOf('m.facebook.com')).toBe('facebook');
    expect(builtInPlatformOf('twitter.com')).toBe('x');
    expect(builtInPlatformOf('chaos.social')).toBe('mastodon');
    expect(builtInPlatformOf('notfacebook.com')).toBeUndefined();
    expect(builtInPlatformOf('www.lokalzeitung.de')).toBeUndefined();
  });
});
