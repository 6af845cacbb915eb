import { defineBackground } from 'wxt/utils/define-background';
import { setUpBadge } from '../utils/background/badge';
import { setUpCustomSites } from '../utils/background/custom-sites';
import { setUpIgnore } from '../utils/background/ignore';
import { setUpMentionLog } from '../utils/background/mention-log';
import { setUpRetention } from '../utils/background/retention';
import { setUpSidePanel } from '../utils/background/side-panel';
import { setUpTeamSync } from '../utils/background/team-sync';
import { setUpWelcome } from '../utils/background/welcome';

export default defineBackground(() => {
  setUpMentionLog();
  setUpBadge();
  setUpRetention();
  setUpSidePanel();
  setUpIgnore();
  setUpWelcome();
  setUpCustomSites();
  setUpTeamSync();
});
