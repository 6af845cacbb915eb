import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { t, uiLang } from '../utils/i18n';
import './theme.css';

/** Renders a page's root component with the document language and title set from the UI locale. */
export function mount(title: Parameters<typeof t>[0], app: ComponentChild) {
  document.documentElement.lang = uiLang();
  document.title = t(title);
  const root = document.getElementById('app');
  if (root) render(app, root);
}
