export { startJobRunner, type JobRunner, type JobRunnerOptions } from './runner';
export { deliverWebhook, type DeliveryResult } from './delivery/deliver';
export { dispatchEvent } from './delivery/dispatch';
export { nextRetryDelayMs, parseRetryAfter } from './delivery/schedule';
export { sendWebhook, type SendOutcome } from './delivery/send';
export { processInbound } from './inbound/process';
export type { DeliverySettings, JobDeps } from './settings';
export { jobRunnerOptions } from './from-config';
export { executeRfmRun } from './decision-runs/execute-rfm-run';
