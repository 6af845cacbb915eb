import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLauscher } from '../utils/content/start';
import { hostPatterns } from '../utils/platforms/hosts';

export default defineContentScript({
  matches: [...hostPatterns],
  // At document start so the fixed highlight stylesheet is in place before the page's own content loads.
  runAt: 'document_start',
  main: startLauscher,
});
