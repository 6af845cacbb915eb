import { defineBackground } from 'wxt/utils/define-background';
import { setUpAuthorLabel } from '../utils/background/author-label';
import { setUpBadge } from '../utils/background/badge';
import { setUpCommands } from '../utils/background/commands';
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
  setUpCommands();
  setUpAuthorLabel();
});
