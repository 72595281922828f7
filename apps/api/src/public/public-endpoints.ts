import { ingestEvents } from './events/ingest-events';
import { listProductBundles } from './offers/list-product-bundles';
import { listUpsells } from './offers/list-upsells';
import { answerQuiz, getQuiz } from './offers/quiz-endpoints';
import type { AnyEndpoint } from '../pipeline/endpoint';
import type { AnyPublicEndpoint } from './public-endpoint';
import { claimReferral } from './referrals/claim-referral';
import { getReferralCode } from './referrals/get-referral-code';
import { listProductReviews } from './reviews/list-product-reviews';
import { submitReview } from './reviews/submit-review';

/** Every /api/public operation, registered here and nowhere else. */
export const publicEndpoints: readonly AnyPublicEndpoint[] = [
  // Reviews
  listProductReviews,
  submitReview,
  // Referrals
  getReferralCode,
  claimReferral,
  // Bundles, upsells, quizzes
  listProductBundles,
  listUpsells,
  getQuiz,
  answerQuiz,
  // Pixel
  ingestEvents,
];

/**
 * The same list as the OpenAPI builder sees it: it reads only the declaration fields, which
 * storefront and admin endpoints share (their handlers' contexts differ, hence the cast).
 */
export const publicOperations = publicEndpoints as unknown as readonly AnyEndpoint[];
