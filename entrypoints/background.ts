import { defineBackground } from 'wxt/utils/define-background';
import { setUpAuthorLabel } from '../utils/background/author-label';
import { setUpBadge } from '../utils/background/badge';
import { setUpCommands } from '../utils/background/commands';
import { setUpCustomSites } from '../utils/background/custom-sites';
import { setUpIgnore } from '../utils/background/ignore';
import { setUpMentionLog } from '../utils/background/mention-log';
import { setUpRetention } from '../utils/background/retention';
import { setUpSidePanel } from '../utils/background/side-panel';
import { setUpWelcome } from '../utils/background/welcome';

export default defineBackground(() => {
  setUpMentionLog();
  setUpBadge();
  setUpRetention();
  setUpSidePanel();
  setUpIgnore();
  setUpWelcome();
  setUpCustomSites();
  setUpCommands();
  setUpAuthorLabel();
});
