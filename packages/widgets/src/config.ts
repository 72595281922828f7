// Where a widget finds its publishable key and the API base URL, most specific first: the
// element's own data-key/data-api, the page's `window.SumeruWidgets`, then the <script> tag that
// loaded widgets.js (its data-key/data-api, and its origin, since the API serves widgets.js).
export interface WidgetConfig {
  key: string;
  api: string;
}

declare global {
  interface Window {
    SumeruWidgets?: Partial<WidgetConfig>;
  }
}

let scriptDefaults: Partial<WidgetConfig> = {};

/** Remembers the loading <script>'s settings; called once by the widgets.js entry. */
export const captureScriptDefaults = (script: Element | null): void => {
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  scriptDefaults = {
    key: script.dataset.key,
    api: script.dataset.api || new URL(script.src, location.href).origin,
  };
};

export const resolveConfig = (el: HTMLElement): WidgetConfig => {
  const global = window.SumeruWidgets ?? {};
  return {
    key: el.dataset.key || global.key || scriptDefaults.key || '',
    api: (el.dataset.api || global.api || scriptDefaults.api || '').replace(/\/+$/, ''),
  };
};
