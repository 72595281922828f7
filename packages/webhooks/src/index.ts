export { generateWebhookSecret, signDelivery, signSumeruWebhook, verifyMetaSignature, verifyShopifyHmac, verifySumeruSignature, verifySumeruWebhook, type SignedHeaders } from './signing';
export { checkWebhookUrl, classifyAddress, resolvePublicAddress, type AddressClass, type UrlCheck } from './ssrf';
