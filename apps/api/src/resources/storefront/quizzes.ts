import { z } from 'zod';
import { schema } from '@sumeru/db';
import { crudEndpoints } from '../crud/crud-endpoints';
import { ZProductIds } from './offer-attributes';

const t = schema.quizzes;
const ZKey = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _');

/**
 * A quiz is its own rules: every answer lists the products it points to; the storefront sums
 * the chosen answers' votes per product and recommends the best (ties: first listed first).
 */
export const ZQuizQuestions = z
  .array(
    z.strictObject({
      id: ZKey,
      text: z.string().min(1).max(500),
      answers: z.array(z.strictObject({ id: ZKey, text: z.string().min(1).max(300), product_ids: ZProductIds(0, 50) })).min(2).max(20)
        .refine((answers) => new Set(answers.map((a) => a.id)).size === answers.length, 'answer ids must be distinct within a question'),
    }),
  )
  .min(1)
  .max(30)
  .refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, 'question ids must be distinct')
  .meta({
    example: [
      { id: 'terrain', text: 'Where do you run?', answers: [{ id: 'road', text: 'Road', product_ids: ['prd_4Xb2tQm9LkP7wR1sZc8vNd'] }, { id: 'trail', text: 'Trail', product_ids: [] }] },
    ],
  });

export type QuizQuestions = z.infer<typeof ZQuizQuestions>;

// crudEndpoints pluralises by adding s; quiz is the exception.
export const quizEndpoints = crudEndpoints({
  path: 'quizzes',
  name: { pascal: 'Quiz', words: 'quiz' },
  idKind: 'quiz',
  scopes: { read: 'storefront:read', write: 'storefront:write' },
  stability: 'beta',
  spec: {
    type: 'quiz',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: '-created_at',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      title: { column: t.title, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
      description: { column: t.description, kind: 'string', write: z.string().max(2000).nullable().optional() },
      questions: { column: t.questions, kind: 'json', write: ZQuizQuestions },
      max_recommendations: { column: t.maxRecommendations, kind: 'integer', write: z.number().int().min(1).max(20).optional() },
      active: { column: t.active, kind: 'boolean', filter: true, write: z.boolean().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
}).map((e) => ({ ...e, operationId: e.operationId.replace('Quizs', 'Quizzes'), summary: e.summary.replace('quizs', 'quizzes') }));
