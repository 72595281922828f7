import type { AnyEndpoint } from './pipeline/endpoint';
import { bulkUpsertCustomers } from './resources/customers/bulk-customers';
import { getCustomer } from './resources/customers/get-customer';
import { listCustomers } from './resources/customers/list-customers';
import { updateCustomer } from './resources/customers/update-customer';
import { bulkUpsertOrders } from './resources/orders/bulk-orders';
import { getOrder } from './resources/orders/get-order';
import { listCustomerOrders, listOrders } from './resources/orders/list-orders';
import { cancelCampaign, getCampaign, launchCampaign } from './resources/campaigns/campaign-actions';
import { createCampaign, listCampaigns } from './resources/campaigns/list-create-campaigns';
import { createSegment, getSegment, listSegments } from './resources/segments/segment-endpoints';
import { createEnrollment, listEnrollments } from './resources/journeys/enrollment-endpoints';
import { createJourney, getJourney, listJourneys } from './resources/journeys/journey-endpoints';
import { getAttribution } from './resources/attribution/get-attribution';
import { getRun, listRuns, startRun } from './resources/decision-intelligence/run-endpoints';
import { cartEndpoints } from './resources/ingestion/carts';
import { customerGroupEndpoints } from './resources/ingestion/customer-groups';
import { manufacturerEndpoints } from './resources/ingestion/manufacturers';
import { productCategoryEndpoints } from './resources/ingestion/product-categories';
import { seoKeywordEndpoints } from './resources/ingestion/seo-keywords';
import { voucherEndpoints } from './resources/ingestion/vouchers';
import { getConsentHistory } from './resources/contacts/consent-history';
import { contactEndpoints, contactListEndpoints, messageRejectEndpoints } from './resources/contacts/contact-resources';
import { addMembers, listMembers, removeMember } from './resources/contacts/list-members';
import { customDataDefinitionEndpoints } from './resources/custom-data/definitions';
import { bulkUpsertRecords, deleteRecord, listRecords } from './resources/custom-data/records';
import { bulkUpsertProducts } from './resources/products/bulk-products';
import { createProduct } from './resources/products/create-product';
import { getProduct } from './resources/products/get-product';
import { listProducts } from './resources/products/list-products';
import { updateProduct } from './resources/products/update-product';
import { listInventory } from './resources/inventory/list-inventory';
import { updateInventory } from './resources/inventory/update-inventory';
import { getUsage } from './resources/usage/get-usage';
import { listCustomerEvents } from './resources/customer-events/list-customer-events';
import { getReview } from './resources/reviews/get-review';
import { bundleEndpoints } from './resources/storefront/bundles';
import { quizEndpoints } from './resources/storefront/quizzes';
import { getReferralClaim, listReferralClaims } from './resources/storefront/referral-claims';
import { upsellRuleEndpoints } from './resources/storefront/upsell-rules';
import { listReviews } from './resources/reviews/list-reviews';
import { approveReview, rejectReview } from './resources/reviews/moderate-review';
import {
  createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, rotateWebhookSecret, updateWebhookEndpoint,
} from './resources/webhooks/endpoint-endpoints';
import { getWebhookDelivery, listWebhookDeliveries, replayFailedWebhookDeliveries, replayWebhookDelivery } from './resources/webhooks/delivery-endpoints';

import { getShopSettings, updateShopSettings } from './resources/shop-settings/shop-settings-endpoints';
/** Every /api/v1 operation, registered here and nowhere else, grouped by domain. */
export const adminEndpoints: readonly AnyEndpoint[] = [
  // Customers
  listCustomers,
  getCustomer,
  updateCustomer,
  listCustomerOrders,
  bulkUpsertCustomers,
  // Orders
  listOrders,
  getOrder,
  bulkUpsertOrders,
  // Products
  listProducts,
  createProduct,
  getProduct,
  updateProduct,
  bulkUpsertProducts,
  // Inventory
  listInventory,
  updateInventory,
  // Campaigns and their audiences
  listCampaigns,
  createCampaign,
  getCampaign,
  launchCampaign,
  cancelCampaign,
  listSegments,
  createSegment,
  getSegment,
  // Journeys
  listJourneys,
  createJourney,
  getJourney,
  listEnrollments,
  createEnrollment,
  // Attribution
  getAttribution,
  // Decision intelligence
  listRuns,
  getRun,
  startRun,
  // Contacts, consent, suppression and lists
  ...contactEndpoints,
  getConsentHistory,
  ...messageRejectEndpoints,
  ...contactListEndpoints,
  listMembers,
  addMembers,
  removeMember,
  // Custom data
  ...customDataDefinitionEndpoints,
  listRecords,
  bulkUpsertRecords,
  deleteRecord,
  // SEO intelligence
  ...seoKeywordEndpoints,
  // Ingestion resources (list, get, bulk upsert by external_id, idempotent delete)
  ...customerGroupEndpoints,
  ...productCategoryEndpoints,
  ...manufacturerEndpoints,
  ...voucherEndpoints,
  ...cartEndpoints,
  // Outbound webhooks
  listWebhookEndpoints,
  createWebhookEndpoint,
  getWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  listWebhookDeliveries,
  getWebhookDelivery,
  replayWebhookDelivery,
  replayFailedWebhookDeliveries,
  // Customer timeline (storefront pixel events)
  listCustomerEvents,
  // Reviews (storefront submissions, moderated here)
  listReviews,
  getReview,
  approveReview,
  rejectReview,
  // Storefront offers (served on /api/public)
  ...bundleEndpoints,
  ...upsellRuleEndpoints,
  ...quizEndpoints,
  listReferralClaims,
  getReferralClaim,
  // Shop settings and inbound webhook secrets
  getShopSettings,
  updateShopSettings,
  // Usage
  getUsage,
];
