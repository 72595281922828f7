// The "write a review" form of <sumeru-reviews>. Native validation (required, type=email) runs
// first; the server's answer decides the final state: pending moderation, invalid, or refused.
import { callApi } from './api';
import type { WidgetConfig } from './config';
import { h, uid } from './dom';

const field = (label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string): HTMLDivElement => {
  const id = uid('sumeru-field');
  control.id = id;
  control.setAttribute('part', 'input');
  return h('div', { class: 'field' }, h('label', { for: id }, label, hint ? h('span', { class: 'muted' }, ` ${hint}`) : null), control);
};

export const reviewForm = (config: WidgetConfig, productId: string): HTMLElement => {
  const rating = h('fieldset', {},
    h('legend', {}, 'Rating'),
    h('div', { class: 'choices' },
      [1, 2, 3, 4, 5].map((n) => h('label', {}, h('input', { type: 'radio', name: 'rating', value: n, required: true }), `${n} ${n === 1 ? 'star' : 'stars'}`))));
  const title = h('input', { name: 'title', required: true, maxlength: 200, autocomplete: 'off' });
  const body = h('textarea', { name: 'body', required: true, rows: 4, maxlength: 5000 });
  const name = h('input', { name: 'author_name', required: true, maxlength: 100, autocomplete: 'name' });
  const email = h('input', { name: 'author_email', type: 'email', required: true, maxlength: 254, autocomplete: 'email' });
  const order = h('input', { name: 'order_reference', maxlength: 64, autocomplete: 'off' });
  const error = h('p', { class: 'error', part: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', part: 'button submit' }, 'Submit review');
  const headingId = uid('sumeru-form');
  const form = h('form', { part: 'form', class: 'card', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'Write a review'),
    rating,
    field('Title', title),
    field('Review', body),
    field('Name', name),
    field('Email', email, '(not published)'),
    field('Order number', order, '(optional, for a verified-buyer badge)'),
    error,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!form.checkValidity()) return void form.reportValidity();
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const payload: Record<string, unknown> = {
      product_id: productId,
      rating: Number(data.get('rating')),
      title: text('title'),
      body: text('body'),
      author_name: text('author_name'),
      author_email: text('author_email'),
    };
    if (text('order_reference')) payload.order_reference = text('order_reference');
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    const result = await callApi<{ data: { id: string; attributes: { status: string } } }>(config, '/api/public/reviews', { method: 'POST', body: payload });
    submit.disabled = false;
    form.removeAttribute('aria-busy');
    if (result.ok) {
      const thanks = h('p', { class: 'card saving', part: 'pending', role: 'status', tabindex: -1 },
        'Thank you! Your review was received and will appear once it has been approved.');
      form.replaceWith(thanks);
      thanks.focus();
      return;
    }
    error.textContent =
      result.kind === 'invalid' ? result.message || 'Please check the form and try again.'
        : result.kind === 'rate_limited' ? 'Too many reviews were sent. Please try again later.'
          : result.kind === 'refused' ? 'Reviews cannot be submitted on this site right now.'
            : 'Your review could not be sent. Please try again.';
  });
  return form;
};
