export { ID_PREFIXES, isIdOf, newId, type IdKind, type IdPrefix } from './ids';
export { CURRENCIES, isMoneyString, minorToMoney, moneyToJson, moneyToMinor, type Currency } from './money';
export { LIFECYCLE_STAGES, ORDER_STATUSES, ZLifecycleStage, ZOrderStatus, ZTag, ZTags, type LifecycleStage, type OrderStatus } from './customer';
export {
  CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES, transitionCampaign, ZSegmentDefinition,
  type CampaignAction, type CampaignChannel, type CampaignStatus, type SegmentDefinition, type Transition,
} from './campaign';
export {
  ENROLLMENT_STATUSES, JOURNEY_STATUSES, JOURNEY_TRIGGER_EVENTS, ZJourneyStep, ZJourneySteps, ZJourneyTrigger,
  type EnrollmentStatus, type JourneyStatus, type JourneyStep, type JourneyTrigger,
} from './journey';
export {
  ATTRIBUTION_MODELS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_LOOKBACK_DAYS, attributeOrder, splitRevenue, touchesInWindow,
  type AttributionModel, type AttributionOptions, type Credit, type Touch,
} from './attribution';
export { churnRiskOf, quintiles, scoreRfm, stageOf, type RfmInput, type RfmScore } from './rfm';
export { recommendActions, type Recommendation } from './recommendations';
export { CUSTOM_FIELD_TYPES, recordSchemaFor, ZCustomField, ZCustomFields, type CustomField } from './custom-data';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';
