// Registers every widget once; safe to call again (a second widgets.js, or React's dynamic import).
import { SumeruBundleOfferElement } from './bundle-offer-element';
import { SumeruQuizElement } from './quiz-element';
import { SumeruReferralShareElement } from './referral-share-element';
import { SumeruReviewsElement } from './reviews-element';
import { SumeruUpsellOfferElement } from './upsell-offer-element';

export const WIDGET_ELEMENTS = {
  'sumeru-reviews': SumeruReviewsElement,
  'sumeru-bundle-offer': SumeruBundleOfferElement,
  'sumeru-upsell-offer': SumeruUpsellOfferElement,
  'sumeru-referral-share': SumeruReferralShareElement,
  'sumeru-quiz': SumeruQuizElement,
} as const;

export const defineSumeruWidgets = (): void => {
  for (const [name, element] of Object.entries(WIDGET_ELEMENTS)) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
};
