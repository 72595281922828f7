import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { notFound, validationError } from '@sumeru/errors';
import type { QuizQuestions } from '../../resources/storefront/quizzes';
import { definePublicEndpoint } from '../public-endpoint';
import { loadActiveProducts, presentProduct } from './public-products';
import { ZQuiz, ZQuizRecommendations } from '../public-schemas';

const findQuizOr404 = async (tx: Tx, shopId: string, id: string) => {
  const q = schema.quizzes;
  const [row] = await tx.select().from(q).where(and(eq(q.shopId, shopId), eq(q.id, id), eq(q.active, true))).limit(1);
  if (!row) throw notFound('quiz');
  return { ...row, questions: row.questions as QuizQuestions };
};

export const getQuiz = definePublicEndpoint<{ id: string }, Record<string, never>>({
  operationId: 'getQuiz',
  method: 'get',
  path: '/quizzes/:id',
  summary: 'Get a quiz: its questions and answers',
  stability: 'beta',
  scope: null,
  rateClass: 'read',
  responseSchema: ZQuiz,
  params: z.object({ id: z.string().max(64) }),
  query: z.strictObject({}),
  handler: async ({ tx, caller, params }) => {
    const quiz = await findQuizOr404(tx, caller.shopId, params.id);
    return {
      status: 200,
      body: {
        data: {
          id: quiz.id,
          type: 'quiz',
          attributes: {
            title: quiz.title,
            description: quiz.description,
            // The rules (which products each answer points to) stay on the server.
            questions: quiz.questions.map((q) => ({ id: q.id, text: q.text, answers: q.answers.map((a) => ({ id: a.id, text: a.text })) })),
          },
        },
      },
    };
  },
});

const ZAnswers = z.strictObject({
  answers: z.record(z.string().max(64), z.union([z.string().max(64), z.array(z.string().max(64)).min(1).max(20)])),
});

export const answerQuiz = definePublicEndpoint<{ id: string }, Record<string, never>, z.infer<typeof ZAnswers>>({
  operationId: 'answerQuiz',
  method: 'post',
  path: '/quizzes/:id/answers',
  summary: 'Submit quiz answers and get product recommendations',
  description: '`answers` maps question ids to an answer id (or several). Each chosen answer gives one vote to each product it lists; the products with the most votes are recommended, ties in the order the quiz lists them. Only active products are recommended.',
  stability: 'beta',
  scope: null,
  rateClass: 'write',
  responseSchema: ZQuizRecommendations,
  params: z.object({ id: z.string().max(64) }),
  query: z.strictObject({}),
  body: ZAnswers,
  handler: async ({ tx, caller, params, body }) => {
    const quiz = await findQuizOr404(tx, caller.shopId, params.id);
    const entries = Object.entries(body.answers);
    if (entries.length === 0) throw validationError('answers', 'answer at least one question');
    const votes = new Map<string, number>();
    const order = new Map<string, number>();
    for (const [questionId, chosen] of entries) {
      const question = quiz.questions.find((q) => q.id === questionId);
      if (!question) throw validationError(`answers.${questionId}`, `${questionId} is not a question of this quiz`);
      for (const answerId of Array.isArray(chosen) ? chosen : [chosen]) {
        const answer = question.answers.find((a) => a.id === answerId);
        if (!answer) throw validationError(`answers.${questionId}`, `${answerId} is not an answer to ${questionId}`);
        for (const productId of answer.product_ids) {
          votes.set(productId, (votes.get(productId) ?? 0) + 1);
          if (!order.has(productId)) order.set(productId, order.size);
        }
      }
    }
    const products = await loadActiveProducts(tx, caller.shopId, [...votes.keys()]);
    const ranked = [...votes]
      .filter(([id]) => products.has(id))
      .sort(([a, va], [b, vb]) => vb - va || order.get(a)! - order.get(b)!)
      .slice(0, quiz.maxRecommendations);
    return {
      status: 200,
      body: { data: { quiz_id: quiz.id, recommendations: ranked.map(([id, score]) => ({ product: presentProduct(products.get(id)!), score })) } },
    };
  },
});
