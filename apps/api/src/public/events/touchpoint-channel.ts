import type { schema } from '@sumeru/db';

export type TouchpointChannel = (typeof schema.TOUCHPOINT_CHANNELS)[number];

const SOCIAL = /facebook|instagram|tiktok|twitter|^x$|linkedin|pinterest|snapchat|youtube|reddit|meta/;
const SEARCH = /google|bing|yahoo|duckduckgo|baidu|yandex|ecosia/;

/**
 * The channel of a visit from its UTM parameters and click ids, the way ad platforms tag them:
 * a search-ad click id means paid search, a social one paid social; otherwise utm_medium
 * decides, with utm_source telling social from search for paid media.
 */
export const channelOf = (input: { utm_source?: string; utm_medium?: string; gclid?: string; msclkid?: string; fbclid?: string; ttclid?: string }): TouchpointChannel => {
  if (input.gclid || input.msclkid) return 'paid_search';
  if (input.fbclid || input.ttclid) return 'paid_social';
  const medium = (input.utm_medium ?? '').toLowerCase();
  const source = (input.utm_source ?? '').toLowerCase();
  if (/^(cpc|ppc|paid|paidsearch|paid_search|sem)$/.test(medium)) return SOCIAL.test(source) ? 'paid_social' : 'paid_search';
  if (/^(paid_?social|social_?paid|cpm_social)$/.test(medium)) return 'paid_social';
  if (/^(display|cpm|banner)$/.test(medium)) return 'display';
  if (/e-?mail|newsletter/.test(medium)) return 'email';
  if (medium === 'sms') return 'sms';
  if (medium === 'whatsapp') return 'whatsapp';
  if (/^(social|social-network|social_media|sm)$/.test(medium)) return 'social';
  if (/^affiliate/.test(medium)) return 'affiliate';
  if (medium === 'referral') return 'referral';
  if (medium === 'organic') return SEARCH.test(source) ? 'organic_search' : 'other';
  if (!medium && SOCIAL.test(source)) return 'social';
  if (!medium && SEARCH.test(source)) return 'organic_search';
  return 'other';
};
