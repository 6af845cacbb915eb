import { defineBackground } from 'wxt/utils/define-background';
import { setUpBadge } from '../utils/background/badge';
import { setUpCustomSites } from '../utils/background/custom-sites';
import { setUpIgnore } from '../utils/background/ignore';
import { setUpMentionLog } from '../utils/background/mention-log';
import { setUpOpenPermalink } from '../utils/background/open-permalink';
import { setUpPseudonymKey } from '../utils/background/pseudonym-key';
import { setUpRetention } from '../utils/background/retention';
import { setUpSidePanel } from '../utils/background/side-panel';
import { setUpSurge } from '../utils/background/surge';
import { setUpWelcome } from '../utils/background/welcome';

export default defineBackground(() => {
  setUpPseudonymKey();
  setUpMentionLog();
  setUpBadge();
  setUpRetention();
  setUpSidePanel();
  setUpIgnore();
  setUpOpenPermalink();
  setUpSurge();
  setUpWelcome();
  setUpCustomSites();
});
