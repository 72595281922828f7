import { describe, expect, it } from 'vitest';
import { channelOf } from './touchpoint-channel';

describe('channelOf', () => {
  it('reads click ids first: search ads, then social ads', () => {
    expect(channelOf({ gclid: 'x', utm_medium: 'email' })).toBe('paid_search');
    expect(channelOf({ msclkid: 'x' })).toBe('paid_search');
    expect(channelOf({ fbclid: 'x' })).toBe('paid_social');
    expect(channelOf({ ttclid: 'x' })).toBe('paid_social');
  });

  it('maps utm_medium, using utm_source to tell paid social from paid search', () => {
    expect(channelOf({ utm_medium: 'cpc', utm_source: 'google' })).toBe('paid_search');
    expect(channelOf({ utm_medium: 'cpc', utm_source: 'facebook' })).toBe('paid_social');
    expect(channelOf({ utm_medium: 'Email', utm_source: 'klaviyo' })).toBe('email');
    expect(channelOf({ utm_medium: 'newsletter' })).toBe('email');
    expect(channelOf({ utm_medium: 'sms' })).toBe('sms');
    expect(channelOf({ utm_medium: 'social', utm_source: 'instagram' })).toBe('social');
    expect(channelOf({ utm_medium: 'affiliate' })).toBe('affiliate');
    expect(channelOf({ utm_medium: 'display' })).toBe('display');
    expect(channelOf({ utm_medium: 'referral' })).toBe('referral');
    expect(channelOf({ utm_source: 'instagram' })).toBe('social');
    expect(channelOf({ utm_source: 'bing' })).toBe('organic_search');
    expect(channelOf({ utm_medium: 'qr-code' })).toBe('other');
  });
});
