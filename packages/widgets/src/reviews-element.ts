// <sumeru-reviews product-id="…">: rating summary, approved reviews (paged by cursor) and a form
// that submits a review for moderation. Contract: ../CONTRACT.md#reviews.
import { callApi } from './api';
import { SumeruElement } from './base-element';
import { h, srOnly } from './dom';
import { formatDate, stars } from './format';
import { reviewForm } from './review-form';

interface Review {
  id: string;
  attributes: { rating: number; title: string; body: string; author_name: string; verified_buyer: boolean; created_at: string };
}
interface RatingSummary {
  count: number;
  average: number | null;
  distribution: Record<string, number>;
}
interface ReviewPage {
  data: Review[];
  // `rating_summary` is the name the API uses; `summary` is accepted too.
  meta: { summary?: RatingSummary; rating_summary?: RatingSummary };
  pagination: { next_cursor: string | null; has_next: boolean };
}

const reviewItem = ({ attributes: r }: Review): HTMLLIElement =>
  h('li', { part: 'review' },
    h('article', { class: 'card' },
      h('p', {}, h('span', { class: 'stars', 'aria-hidden': 'true' }, stars(r.rating)), srOnly(`Rated ${r.rating} out of 5`)),
      r.title ? h('h3', { part: 'review-title' }, r.title) : null,
      h('p', { part: 'review-body', style: 'white-space: pre-line' }, r.body),
      h('p', { class: 'muted', part: 'review-meta' },
        r.author_name,
        r.verified_buyer ? h('span', { class: 'saving', part: 'verified' }, ' · Verified buyer') : null,
        r.created_at ? [' · ', h('time', { datetime: r.created_at }, formatDate(r.created_at))] : null)));

const summaryBlock = ({ count, average, distribution }: RatingSummary): HTMLElement => {
  const avg = Number(average ?? 0);
  return h('div', { part: 'summary', class: 'card' },
    h('p', {},
      h('span', { class: 'stars', 'aria-hidden': 'true' }, stars(avg)), ' ',
      h('strong', {}, `${avg.toFixed(1)} out of 5`), ' ',
      h('span', { class: 'muted' }, `based on ${count} ${count === 1 ? 'review' : 'reviews'}`)),
    h('ul', { 'aria-label': 'Rating distribution', part: 'distribution', style: 'gap: 4px' },
      [5, 4, 3, 2, 1].map((n) => {
        const value = Number(distribution?.[String(n)] ?? 0);
        return h('li', { style: 'display: flex; gap: 8px; align-items: center' },
          h('span', { 'aria-hidden': 'true' }, `${n} ★`),
          h('progress', { max: Math.max(count, 1), value, 'aria-label': `${n} stars: ${value} ${value === 1 ? 'review' : 'reviews'}` }),
          h('span', { 'aria-hidden': 'true', class: 'muted' }, value));
      })));
};

export class SumeruReviewsElement extends SumeruElement {
  static observedAttributes = ['product-id', 'data-key', 'data-api'];

  protected async load(signal: AbortSignal): Promise<void> {
    const productId = this.getAttribute('product-id');
    if (!productId) return this.setState('empty');
    this.show();
    this.setState('loading', 'Loading reviews…');
    const path = `/api/public/products/${encodeURIComponent(productId)}/reviews`;
    const first = await callApi<ReviewPage>(this.config, path, { signal });
    if (signal.aborted) return;
    if (!first.ok) {
      return this.setState(first.kind === 'error' ? 'error' : 'unavailable', first.kind === 'error' ? 'Reviews could not be loaded.' : 'Reviews are unavailable.');
    }
    const list = h('ul', { part: 'list', 'aria-label': 'Reviews' });
    const more = h('button', { type: 'button', class: 'secondary', part: 'button more' }, 'Show more reviews');
    let cursor: string | null = null;
    const append = (page: ReviewPage) => {
      list.append(...page.data.map(reviewItem));
      cursor = page.pagination?.has_next ? page.pagination.next_cursor : null;
      more.hidden = !cursor;
    };
    more.addEventListener('click', async () => {
      more.disabled = true;
      this.status.textContent = 'Loading more reviews…';
      const next = await callApi<ReviewPage>(this.config, path, { query: { cursor: cursor ?? undefined }, signal });
      more.disabled = false;
      if (!next.ok) return void (this.status.textContent = 'More reviews could not be loaded.');
      append(next.data);
      this.status.textContent = `${next.data.data.length} more reviews shown.`;
    });
    append(first.data);
    const summary = first.data.meta?.rating_summary ?? first.data.meta?.summary ?? { count: first.data.data.length, average: null, distribution: {} };
    const hasReviews = first.data.data.length > 0;
    this.show(
      h('h2', { part: 'heading' }, this.getAttribute('heading') || 'Customer reviews'),
      hasReviews ? summaryBlock(summary) : h('p', { class: 'muted', part: 'empty' }, 'No reviews yet. Be the first to write one.'),
      list,
      more,
      reviewForm(this.config, productId),
    );
    this.setState(hasReviews ? 'ready' : 'empty');
  }
}
