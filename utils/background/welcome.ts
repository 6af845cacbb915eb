// First run: open the settings so the team types their municipality's name (the only set-up Lauscher needs).
import { browser } from 'wxt/browser';

export function setUpWelcome() {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
}
