import type { LifecycleStage } from './customer';
import type { RfmInput, RfmScore } from './rfm';

export type Recommendation = {
  action: string;
  title: string;
  reason: string;
  stage: LifecycleStage;
  customers_count: number;
  /** The most valuable customers concerned, at most 50; the stage filter on /customers lists all. */
  customer_ids: string[];
};

const PLAYBOOK: Record<LifecycleStage, { action: string; title: string; reason: string } | null> = {
  loyal: { action: 'vip_program', title: 'Invite loyal customers to a VIP or referral programme', reason: 'Recent, frequent, high spenders respond best to recognition and referral asks.' },
  at_risk: { action: 'win_back_campaign', title: 'Send a win-back campaign to customers at risk', reason: 'They bought often or spent well but have gone quiet; an offer now is cheaper than reacquiring them.' },
  churned: { action: 'reactivation_offer', title: 'Try one reactivation offer, then suppress', reason: 'No order for a year: one strong offer, and stop mailing those who do not respond.' },
  new: { action: 'second_purchase_nudge', title: 'Nudge new customers towards a second order', reason: 'The second order is the strongest predictor of a lasting customer.' },
  active: { action: 'cross_sell', title: 'Cross-sell to active customers', reason: 'Regular buyers are receptive to related products.' },
};

/** One action per stage that has customers, most valuable customers first. */
export const recommendActions = (scores: readonly RfmScore[], inputs: readonly RfmInput[]): Recommendation[] => {
  const spent = new Map(inputs.map((c) => [c.id, c.totalSpentMinor]));
  const byStage = new Map<LifecycleStage, RfmScore[]>();
  for (const s of scores) byStage.set(s.stage, [...(byStage.get(s.stage) ?? []), s]);
  return (['at_risk', 'loyal', 'new', 'churned', 'active'] as const).flatMap((stage) => {
    const group = byStage.get(stage) ?? [];
    const play = PLAYBOOK[stage];
    if (!play || group.length === 0) return [];
    const top = [...group].sort((a, b) => (spent.get(b.id) ?? 0) - (spent.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, 50);
    return [{ ...play, stage, customers_count: group.length, customer_ids: top.map((s) => s.id) }];
  });
};
