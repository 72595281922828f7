import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES, transitionCampaign, ZSegmentDefinition } from './campaign';

const now = new Date('2026-05-10T10:00:00Z');

describe('transitionCampaign', () => {
  it('launches a draft now (sending) or later (scheduled)', () => {
    expect(transitionCampaign('draft', 'launch', { now })).toEqual({ ok: true, status: 'sending' });
    expect(transitionCampaign('draft', 'launch', { now, scheduledAt: new Date('2026-05-11T00:00:00Z') })).toEqual({ ok: true, status: 'scheduled' });
    expect(transitionCampaign('draft', 'launch', { now, scheduledAt: new Date('2026-05-01T00:00:00Z') })).toEqual({ ok: true, status: 'sending' });
  });

  it('refuses to launch anything but a draft', () => {
    for (const status of CAMPAIGN_STATUSES.filter((s) => s !== 'draft')) {
      const result = transitionCampaign(status, 'launch', { now });
      expect(result.ok, status).toBe(false);
    }
    expect(transitionCampaign('sent', 'launch', { now })).toEqual({ ok: false, reason: 'a sent campaign cannot be launched' });
  });

  it('cancels what is not sent yet, completes only what is sending', () => {
    expect(transitionCampaign('scheduled', 'cancel', { now })).toEqual({ ok: true, status: 'cancelled' });
    expect(transitionCampaign('sent', 'cancel', { now }).ok).toBe(false);
    expect(transitionCampaign('cancelled', 'cancel', { now }).ok).toBe(false);
    expect(transitionCampaign('sending', 'complete', { now })).toEqual({ ok: true, status: 'sent' });
    expect(transitionCampaign('draft', 'complete', { now }).ok).toBe(false);
  });
});

describe('ZSegmentDefinition', () => {
  it('accepts known conditions and refuses unknown ones', () => {
    expect(ZSegmentDefinition.safeParse({ lifecycle_stage: ['loyal'], total_spent_gte: 100 }).success).toBe(true);
    expect(ZSegmentDefinition.safeParse({}).success).toBe(true);
    expect(ZSegmentDefinition.safeParse({ favourite_colour: 'red' }).success).toBe(false);
    expect(ZSegmentDefinition.safeParse({ lifecycle_stage: ['vip'] }).success).toBe(false);
  });
});
