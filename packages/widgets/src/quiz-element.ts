// <sumeru-quiz quiz-id="…">: every question of a quiz in one form; the answers come back as
// product recommendations, with a button to start over.
import { callApi } from './api';
import { SumeruElement } from './base-element';
import { h, uid } from './dom';
import { productCard, type OfferProduct } from './product-card';

interface Question {
  id: string;
  prompt: string;
  type: 'single' | 'multiple';
  options: { id: string; label: string }[];
}
interface Quiz {
  data: { id: string; attributes: { title: string; description?: string | null; questions: Question[] } };
}
interface Recommendations {
  data: { recommendations: OfferProduct[] };
}

const questionSet = (q: Question): HTMLFieldSetElement => {
  const multiple = q.type === 'multiple';
  const name = uid('sumeru-q');
  return h('fieldset', { 'data-question': q.id },
    h('legend', {}, q.prompt, multiple ? h('span', { class: 'muted' }, ' (choose any)') : null),
    h('div', { class: 'choices' },
      q.options.map((o) => h('label', {}, h('input', { type: multiple ? 'checkbox' : 'radio', name, value: o.id, required: !multiple }), o.label))));
};

export class SumeruQuizElement extends SumeruElement {
  static observedAttributes = ['quiz-id', 'data-key', 'data-api'];

  protected async load(signal: AbortSignal): Promise<void> {
    const quizId = this.getAttribute('quiz-id');
    if (!quizId) return this.setState('empty');
    this.show();
    this.setState('loading', 'Loading quiz…');
    const path = `/api/public/quizzes/${encodeURIComponent(quizId)}`;
    const result = await callApi<Quiz>(this.config, path, { signal });
    if (signal.aborted) return;
    if (!result.ok) return this.setState(result.kind === 'error' ? 'error' : 'unavailable', result.kind === 'error' ? 'The quiz could not be loaded.' : '');
    const quiz = result.data.data.attributes;
    const error = h('p', { class: 'error', part: 'error', role: 'alert' });
    const submit = h('button', { type: 'submit', part: 'button submit' }, 'See my recommendations');
    const headingId = uid('sumeru-quiz');
    const form = h('form', { class: 'card', part: 'form', 'aria-labelledby': headingId },
      h('h2', { id: headingId, part: 'heading' }, quiz.title),
      quiz.description ? h('p', { class: 'muted' }, quiz.description) : null,
      quiz.questions.map(questionSet),
      error,
      submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const answers = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].map((set) => ({
        question_id: set.dataset.question,
        option_ids: [...set.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value),
      }));
      submit.disabled = true;
      const sent = await callApi<Recommendations>(this.config, `${path}/answers`, { method: 'POST', body: { answers } });
      submit.disabled = false;
      if (!sent.ok) return void (error.textContent = sent.kind === 'invalid' && sent.message ? sent.message : 'Your answers could not be sent. Please try again.');
      const products = sent.data.data.recommendations ?? [];
      const again = h('button', { type: 'button', class: 'secondary', part: 'button restart' }, 'Start over');
      again.addEventListener('click', () => this.reload());
      const heading = h('h2', { part: 'heading', tabindex: -1 }, products.length ? 'Recommended for you' : 'No matching products');
      this.show(heading, h('ul', { part: 'list' }, products.map((p) => productCard(p))), again);
      this.status.textContent = `${products.length} ${products.length === 1 ? 'recommendation' : 'recommendations'}.`;
      heading.focus();
    });
    this.show(form);
    this.setState('ready');
  }
}
