// The common life cycle of every widget: an open shadow root with the shared styles, a polite
// live region for status, data-state on the host (loading | ready | empty | unavailable | error,
// for shop CSS and tests), and a reload whenever an observed attribute changes.
import { resolveConfig, type WidgetConfig } from './config';
import { h } from './dom';
import { baseStyles } from './styles';

export type WidgetState = 'loading' | 'ready' | 'empty' | 'unavailable' | 'error';

export abstract class SumeruElement extends HTMLElement {
  protected readonly root: ShadowRoot;
  /** Where each widget renders its content. */
  protected readonly content: HTMLDivElement;
  /** Polite live region: loading, success and "unavailable" messages are announced here. */
  protected readonly status: HTMLParagraphElement;
  private controller: AbortController | undefined;
  private isStarted = false;
  private isReloadQueued = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.content = h('div', { class: 'content', part: 'content' });
    this.status = h('p', { class: 'status muted', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.root.append(h('style', {}, baseStyles), h('div', { class: 'container', part: 'container' }, this.content, this.status));
  }

  connectedCallback(): void {
    this.isStarted = true;
    this.reload();
  }

  disconnectedCallback(): void {
    this.controller?.abort();
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next && this.isStarted) this.reload();
  }

  protected get config(): WidgetConfig {
    return resolveConfig(this);
  }

  /** Loads and renders the widget; `signal` aborts when the element leaves or reloads. */
  protected abstract load(signal: AbortSignal): Promise<void>;

  /**
   * Coalesced into one load per task: an upgrade or a framework setting several attributes at
   * once (attributeChangedCallback per attribute, then connectedCallback) must fetch only once.
   */
  protected reload(): void {
    if (this.isReloadQueued) return;
    this.isReloadQueued = true;
    queueMicrotask(() => {
      this.isReloadQueued = false;
      this.controller?.abort();
      if (!this.isConnected) return;
      const controller = new AbortController();
      this.controller = controller;
      void this.load(controller.signal);
    });
  }

  protected setState(state: WidgetState, message = ''): void {
    this.dataset.state = state;
    this.content.setAttribute('aria-busy', String(state === 'loading'));
    this.status.textContent = message;
  }

  /** Replaces the rendered content. */
  protected show(...nodes: (Node | null)[]): void {
    this.content.replaceChildren(...nodes.filter((node): node is Node => node !== null));
  }
}
