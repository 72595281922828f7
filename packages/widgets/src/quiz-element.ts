// <sumeru-quiz quiz-id="…">: every question of a quiz in one form; the answers come back as
// product recommendations, with a button to start over.
import { callApi } from './api';
import { SumeruElement } from './base-element';
import { h, uid } from './dom';
import { productCard, type OfferProduct } from './product-card';

// GET /api/public/quizzes/{id} and POST …/answers (apps/api/src/public/README.md).
interface Question {
  id: string;
  text: string;
  answers: { id: string; text: string }[];
}
interface Quiz {
  data: { id: string; attributes: { title: string; description: string | null; questions: Question[] } };
}
interface Recommendations {
  data: { quiz_id: string; recommendations: { product: OfferProduct; score: number }[] };
}

/** One answer per question (radio buttons, required). */
const questionSet = (q: Question): HTMLFieldSetElement => {
  const name = uid('sumeru-q');
  return h('fieldset', { 'data-question': q.id },
    h('legend', {}, q.text),
    h('div', { class: 'choices' },
      q.answers.map((a) => h('label', {}, h('input', { type: 'radio', name, value: a.id, required: true }), a.text))));
};

export class SumeruQuizElement extends SumeruElement {
  static observedAttributes = ['quiz-id', 'product-url', 'data-key', 'data-api'];

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
      // { question_id: answer_id } for every answered question.
      const answers: Record<string, string> = {};
      for (const set of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')) {
        const checked = set.querySelector<HTMLInputElement>('input:checked');
        if (checked) answers[set.dataset.question!] = checked.value;
      }
      submit.disabled = true;
      const sent = await callApi<Recommendations>(this.config, `${path}/answers`, { method: 'POST', body: { answers } });
      submit.disabled = false;
      if (!sent.ok) return void (error.textContent = sent.kind === 'invalid' && sent.message ? sent.message : 'Your answers could not be sent. Please try again.');
      const products = (sent.data.data.recommendations ?? []).map((r) => r.product);
      const again = h('button', { type: 'button', class: 'secondary', part: 'button restart' }, 'Start over');
      again.addEventListener('click', () => this.reload());
      const heading = h('h2', { part: 'heading', tabindex: -1 }, products.length ? 'Recommended for you' : 'No matching products');
      this.show(heading, h('ul', { part: 'list' }, products.map((p) => productCard(this, p))), again);
      this.status.textContent = `${products.length} ${products.length === 1 ? 'recommendation' : 'recommendations'}.`;
      heading.focus();
    });
    this.show(form);
    this.setState('ready');
  }
}
