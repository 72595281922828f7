import type { Config } from '@sumeru/config';
import { validationError } from '@sumeru/errors';
import { checkWebhookUrl } from '@sumeru/webhooks';

/** https to public addresses only; loopback and http only with WEBHOOKS_ALLOW_PRIVATE_TARGETS (dev/test). */
export const assertDeliverableUrl = (config: Config, url: string): string => {
  const allow = config.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
  const result = checkWebhookUrl(url, { requireHttps: !allow, allowLoopback: allow });
  if (!result.ok) throw validationError('url', result.reason, { value: url });
  return result.url.toString();
};
