// Sumeru's first-party pixel, loaded as a classic <script> on a storefront. Calls made on the
// `sumeru` queue stub before this file arrived are replayed in order. Budget: 2 KB gzip, so the
// code favours few abstractions; the wire format is in ../CONTRACT.md.
type Props = Record<string, unknown>;
type WireEvent = Record<string, unknown> & { properties: Props };
type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; loaded?: boolean };

const win = window as unknown as { sumeru?: Stub };
const STANDARD = ['page_view', 'product_viewed', 'added_to_cart', 'removed_from_cart', 'checkout_started'];
const TOUCHPOINT = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'gclid', 'fbclid', 'ttclid', 'msclkid'];
const ID_KEY = 'sumeru_aid';
const BATCH = 10;
const DELAY = 2000;
// While consent is pending, events wait in memory only; a page that never asks keeps at most this many.
const HELD = 100;

// The pixel is served by the API itself, so the script's own origin is the default endpoint.
const script = document.currentScript as HTMLScriptElement | null;
let endpoint = script?.src ? new URL(script.src).origin : '';
let key = '';
let required = false;
let granted: boolean | undefined;
let customerId = '';
let queue: WireEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let lastPath = location.pathname + location.search;
let lastUrl = location.href;
let referrer = document.referrer;
const landing = new URLSearchParams(location.search);

const uuid = (): string => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  let s = '';
  b.forEach((x, i) => (s += (i > 3 && i < 11 && !(i & 1) ? '-' : '') + (x + 256).toString(16).slice(1)));
  return s;
};

const allowed = (): boolean => granted ?? !required;

const cookie = (value: string, age: number): void => {
  document.cookie = `${ID_KEY}=${value};max-age=${age};path=/;SameSite=Lax${location.protocol == 'https:' ? ';Secure' : ''}`;
};

// Read or create the anonymous id; only ever called once sending is allowed.
const anonymousId = (): string => {
  let id: string | null | undefined;
  try {
    id = localStorage.getItem(ID_KEY);
  } catch {
    /* storage blocked: the cookie below still works */
  }
  id = id || document.cookie.match(/(?:^|; )sumeru_aid=([\w-]+)/)?.[1];
  if (!id) {
    id = uuid();
    try {
      localStorage.setItem(ID_KEY, id);
    } catch {
      cookie(id, 63072000);
    }
  }
  return id;
};

const forget = (): void => {
  try {
    localStorage.removeItem(ID_KEY);
  } catch {
    /* nothing stored there */
  }
  if (document.cookie.includes(ID_KEY)) cookie('', 0);
};

const send = (events: WireEvent[]): void => {
  const url = `${endpoint}/api/public/events?key=${encodeURIComponent(key)}`;
  const body = JSON.stringify({ events });
  // A string body makes sendBeacon use text/plain;charset=UTF-8: no CORS preflight.
  if (!navigator.sendBeacon?.(url, body)) {
    fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }).catch(() => {});
  }
};

const flush = (): void => {
  clearTimeout(timer);
  timer = undefined;
  if (!key || !allowed() || !queue.length) return;
  const id = anonymousId();
  const events = queue;
  queue = [];
  for (const e of events) e.anonymous_id = id;
  for (let i = 0; i < events.length; i += BATCH) send(events.slice(i, i + BATCH));
};

const schedule = (): void => {
  if (!allowed()) return;
  if (queue.length >= BATCH) flush();
  else timer ??= setTimeout(flush, DELAY);
};

const push = (type: string, name?: string, properties?: unknown, extra?: Props): void => {
  if (granted === false) return;
  const here = new URLSearchParams(location.search);
  const e: WireEvent = {
    event_id: uuid(),
    type,
    occurred_at: new Date().toISOString(),
    url: location.href,
    referrer,
    properties: properties && typeof properties == 'object' && !Array.isArray(properties) ? (properties as Props) : {},
  };
  if (name) e.name = name;
  if (customerId) e.customer_id = customerId;
  for (const k of TOUCHPOINT) {
    const v = here.get(k) || landing.get(k);
    if (v) e[k] = v;
  }
  Object.assign(e, extra);
  if (queue.push(e) > HELD) queue.shift();
  schedule();
};

const page = (): void => push('page_view');

// SPA navigations: a new path or query is a new page; hash-only changes are not.
const route = (): void => {
  const path = location.pathname + location.search;
  if (path == lastPath) return;
  referrer = lastUrl;
  lastPath = path;
  lastUrl = location.href;
  page();
};

const call = (cmd?: unknown, a?: unknown, b?: unknown): void => {
  if (cmd == 'init') {
    const options = (b || {}) as { endpoint?: string; requireConsent?: boolean };
    const first = !key;
    key = String(a);
    if (options.endpoint) endpoint = options.endpoint.replace(/\/+$/, '');
    required = !!options.requireConsent;
    if (first) page();
    schedule();
  } else if (cmd == 'track' && typeof a == 'string' && a) {
    if (STANDARD.includes(a)) push(a, undefined, b);
    else push('custom', a, b);
  } else if (cmd == 'identify' && a && typeof a == 'object') {
    const who = a as { customer_id?: unknown; email?: unknown };
    const extra: Props = {};
    if (who.customer_id) extra.customer_id = customerId = String(who.customer_id);
    if (who.email) extra.email = String(who.email);
    if (who.customer_id || who.email) push('identify', undefined, {}, extra);
  } else if (cmd == 'consent') {
    granted = !!a;
    if (granted) schedule();
    else {
      queue = [];
      forget();
    }
  } else if (cmd == 'flush') flush();
  // For checkouts: pass the id on with the order (orders import `anonymous_id`) to stitch it.
  else if (cmd == 'anonymousId' && typeof a == 'function') (a as (id: string | null) => void)(allowed() ? anonymousId() : null);
};

if (!win.sumeru?.loaded) {
  const pending = win.sumeru?.q || [];
  const api: Stub = (...args) => call(...args);
  api.loaded = true;
  win.sumeru = api;
  for (const m of ['pushState', 'replaceState'] as const) {
    const original = history[m];
    history[m] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      route();
    };
  }
  addEventListener('popstate', route);
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState == 'hidden' && flush());
  for (const args of Array.from(pending)) call(...Array.from(args));
}
