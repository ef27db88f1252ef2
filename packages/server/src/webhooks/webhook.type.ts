import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookEndpoint', {
  simpleResolvers: true,
  description:
    "A partner's (or admin's) receiver of signed events (Standard Webhooks). A partner's endpoint covers its key's accounts.",
})
export class WebhookEndpointType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => [String])
  eventTypes: string[];

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Narrows the accounts covered; null: every account the owner may see.',
  })
  accountIds: string[] | null;

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was disabled (410 Gone, failing for days, by hand).',
  })
  disabledReason: string | null;

  @Field(() => Date, { nullable: true })
  disabledAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Failing with no success since then.' })
  failingSince: Date | null;

  @Field(() => String, { description: 'The API key that registered it.' })
  ownerName: string;

  @Field(() => Date)
  createdAt: Date;

  ownerKeyId: string | null;
}

@ObjectType('WebhookHeader', { simpleResolvers: true, description: 'One HTTP header.' })
export class WebhookHeaderType {
  @Field(() => String, { description: 'Lower case.' })
  name: string;

  @Field(() => String)
  value: string;
}

@ObjectType('WebhookAttempt', { simpleResolvers: true, description: 'One HTTP try of a delivery.' })
export class WebhookAttemptType {
  @Field(() => Date)
  at: Date;

  @Field(() => Int, { nullable: true, description: 'Null when no answer came (timeout, network).' })
  statusCode: number | null;

  @Field(() => Int)
  latencyMs: number;

  @Field(() => String, { nullable: true, description: 'The start of the response body.' })
  responseExcerpt: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where this try was sent (the endpoint URL then). Null for tries before 2026-12.',
  })
  requestUrl: string | null;

  @Field(() => [WebhookHeaderType], {
    nullable: true,
    description:
      "The request headers sent, in order (the body is the delivery's payload). Null when no request was made, or for tries before 2026-12.",
  })
  requestHeaders: WebhookHeaderType[] | null;

  @Field(() => [WebhookHeaderType], {
    nullable: true,
    description:
      'Selected response headers (content-type, content-length, retry-after, location, date, server, x-request-id). Null when no answer came.',
  })
  responseHeaders: WebhookHeaderType[] | null;
}

@ObjectType('WebhookDelivery', { simpleResolvers: true, description: 'One event to one endpoint.' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'Also the webhook-id header: the same on every retry.' })
  eventId: string;

  @Field(() => String)
  eventType: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Null for an event about no one account (reconciliation.failed).',
  })
  accountId: string | null;

  @Field(() => ID)
  endpointId: string;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attemptCount: number;

  @Field(() => Date, { nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, { description: 'The JSON body sent.' })
  payload: string;
}

@ObjectType({ simpleResolvers: true })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointType)
  endpoint: WebhookEndpointType;

  @Field(() => String, { description: 'The signing secret (whsec_...): shown this once only.' })
  secret: string;
}

@ObjectType({ simpleResolvers: true })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookEndpointType)
  endpoint: WebhookEndpointType;

  @Field(() => String, { description: 'The new signing secret: shown this once only.' })
  secret: string;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String)
  url: string;

  @Field(() => [String])
  eventTypes: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  accountIds?: string[] | null;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true re-enables a disabled endpoint.' })
  enabled?: boolean | null;
}
