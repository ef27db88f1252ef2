/** The event types partners can subscribe to (spelled as in the README's event list). */
export const WEBHOOK_EVENT_TYPES = [
  'charge.created',
  'refund.created',
  'credits.purchased',
  'license.issued',
  'credits.expired',
] as const;

/** Further types other features emit through webhook_emit() (scheduled notices). */
const extraTypes = new Set<string>();

export function registerWebhookEventType(type: string): void {
  extraTypes.add(type);
}

/**
 * The event sendTestWebhook sends to one endpoint on request (never fanned out
 * by webhook_emit: no feature emits it). Its accountId is null.
 */
export const WEBHOOK_TEST = 'webhook.test';
registerWebhookEventType(WEBHOOK_TEST);

export function webhookEventTypes(): string[] {
  return [...WEBHOOK_EVENT_TYPES, ...extraTypes];
}
