// Element construction without innerHTML: every string child becomes a text node, so data from
// the API is never parsed as markup. URLs from data go through safeUrl before they reach href/src.
type Child = Node | string | number | null | undefined | false;
type Prop = string | number | boolean | undefined | ((event: Event) => void);

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, Prop> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
  return el;
};

/** Only http(s) URLs survive; `javascript:` and friends become undefined. */
export const safeUrl = (value: unknown, base: string = location.href): string | undefined => {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** Text for screen readers only (styled by .sr-only in styles.ts). */
export const srOnly = (text: string): HTMLSpanElement => h('span', { class: 'sr-only' }, text);

let counter = 0;
/** A document-unique id for label/aria wiring inside one shadow root. */
export const uid = (prefix: string): string => `${prefix}-${++counter}`;
