/**
 * Every id prefix, in one place. Ids are the prefix plus 22 base62 characters drawn from
 * the platform CSPRNG (about 131 bits), so they are neither sequential nor guessable.
 */
export const ID_PREFIXES = {
  agency: 'agy',
  operator: 'opr',
  shop: 'shp',
  customer: 'cus',
  order: 'ord',
  lineItem: 'oli',
  product: 'prd',
  inventoryLevel: 'inv',
  campaign: 'cam',
  segment: 'seg',
  journey: 'jrn',
  enrollment: 'enr',
  run: 'run',
  keyword: 'kw',
  touchpoint: 'tch',
  productCategory: 'pcat',
  manufacturer: 'mfr',
  voucher: 'vch',
  customerGroup: 'cgrp',
  cart: 'cart',
  contact: 'con',
  messageReject: 'rej',
  contactList: 'lst',
  customDataDefinition: 'cdd',
  customDataRecord: 'cdr',
  token: 'tok',
  publishableKey: 'pkid',
  event: 'evt',
  webhookEndpoint: 'whe',
  webhookDelivery: 'whd',
  webhookAttempt: 'wha',
  inboundWebhook: 'iwh',
  notice: 'ntc',
  messageStatus: 'wms',
  review: 'rev',
  identity: 'idn',
  referralCode: 'rfc',
  referralClaim: 'rcl',
  bundle: 'bdl',
  upsellRule: 'ups',
  quiz: 'quiz',
  request: 'req',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_BODY_LENGTH = 22;

const randomBody = (length: number): string => {
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      // 248 = 4 * 62: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
};

export const newId = (kind: IdKind): string => `${ID_PREFIXES[kind]}_${randomBody(ID_BODY_LENGTH)}`;

const ID_PATTERN = /^[a-z]{2,4}_[0-9A-Za-z]{10,40}$/;

/** True when `value` has the shape of an id of `kind`; says nothing of whether it exists. */
export const isIdOf = (kind: IdKind, value: string): boolean =>
  value.startsWith(`${ID_PREFIXES[kind]}_`) && ID_PATTERN.test(value);
