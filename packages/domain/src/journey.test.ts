import { describe, expect, it } from 'vitest';
import { ZJourneySteps, ZJourneyTrigger } from './journey';

describe('journey definitions', () => {
  it('accepts a welcome series', () => {
    const steps = [
      { type: 'send', channel: 'email', subject: 'Welcome', body: 'Hi' },
      { type: 'wait', hours: 72 },
      { type: 'send', channel: 'sms', body: '10% off' },
      { type: 'exit' },
    ];
    expect(ZJourneySteps.safeParse(steps).success).toBe(true);
    expect(ZJourneyTrigger.safeParse({ type: 'event', event: 'customer.created' }).success).toBe(true);
  });

  it('refuses bad steps and triggers, saying where', () => {
    const noSubject = ZJourneySteps.safeParse([{ type: 'send', channel: 'email', body: 'x' }]);
    expect(noSubject.success).toBe(false);
    expect(noSubject.error!.issues[0]!.path).toEqual([0, 'subject']);
    expect(ZJourneySteps.safeParse([]).success).toBe(false);
    expect(ZJourneySteps.safeParse([{ type: 'exit' }, { type: 'wait', hours: 1 }]).success).toBe(false);
    expect(ZJourneySteps.safeParse([{ type: 'wait', hours: 0 }]).success).toBe(false);
    expect(ZJourneySteps.safeParse([{ type: 'teleport' }]).success).toBe(false);
    expect(ZJourneyTrigger.safeParse({ type: 'event', event: 'moon_phase' }).success).toBe(false);
  });
});
