// <sumeru-referral-share customer-id="…" customer-email="…">: gets (or creates) the signed-in
// customer's referral code and offers copy and native share. The API wants both the id and the
// email of the customer (they must match), so a guest page renders nothing and calls nothing.
import { callApi } from './api';
import { SumeruElement } from './base-element';
import { h, safeUrl, uid } from './dom';

/** POST /api/public/referrals (apps/api/src/public/README.md). */
interface Referral {
  data: { id: string; attributes: { code: string; share_url: string | null; claims_count: number } };
}

export class SumeruReferralShareElement extends SumeruElement {
  static observedAttributes = ['customer-id', 'customer-email', 'data-key', 'data-api'];

  protected async load(signal: AbortSignal): Promise<void> {
    const customerId = this.getAttribute('customer-id');
    const email = this.getAttribute('customer-email');
    if (!customerId || !email) return this.setState('empty');
    this.show();
    this.setState('loading', 'Loading your referral link…');
    const result = await callApi<Referral>(this.config, '/api/public/referrals', { method: 'POST', body: { customer_id: customerId, email }, signal });
    if (signal.aborted) return;
    if (!result.ok) return this.setState(result.kind === 'error' ? 'error' : 'unavailable', result.kind === 'error' ? 'Your referral link could not be loaded.' : '');
    const referral = result.data.data?.attributes;
    if (!referral?.code) return this.setState('error', 'Your referral link could not be loaded.');
    // Without a shop domain there is no link to share, only the code.
    const shareUrl = safeUrl(referral.share_url);
    const shared = shareUrl ?? referral.code;

    const inputId = uid('sumeru-referral');
    const input = h('input', { id: inputId, readonly: true, value: shared, part: 'input', onfocus: () => input.select() });
    const copy = h('button', { type: 'button', part: 'button copy' }, shareUrl ? 'Copy link' : 'Copy code');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(shared);
        this.status.textContent = shareUrl ? 'Link copied.' : 'Code copied.';
      } catch {
        input.select();
        this.status.textContent = 'Press Ctrl+C or ⌘C to copy the selection.';
      }
    });
    const actions = h('div', { class: 'choices' }, copy);
    if (shareUrl && typeof navigator.share === 'function') {
      const share = h('button', { type: 'button', class: 'secondary', part: 'button share' }, 'Share…');
      share.addEventListener('click', () => void navigator.share({ url: shareUrl, text: this.getAttribute('share-text') ?? undefined }).catch(() => {}));
      actions.append(share);
    }
    const claims = Number(referral.claims_count) || 0;
    this.show(
      h('h2', { part: 'heading' }, this.getAttribute('heading') || 'Share with friends'),
      h('div', { class: 'field' }, h('label', { for: inputId }, shareUrl ? 'Your referral link' : 'Your referral code'), input),
      shareUrl ? h('p', {}, 'Your code: ', h('strong', { part: 'code' }, referral.code)) : null,
      actions,
      claims > 0 ? h('p', { class: 'muted', part: 'claims' }, `${claims} ${claims === 1 ? 'friend has' : 'friends have'} used your code.`) : null,
    );
    this.setState('ready');
  }
}
