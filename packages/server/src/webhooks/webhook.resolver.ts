import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { Permission, rolesWith } from '../common/viewer';
import { webhookEventTypes } from './events';
import {
  createEndpoint,
  deleteEndpoint,
  listAttempts,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
} from './webhook.service';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  RotateWebhookSecretPayload,
  UpdateWebhookEndpointInput,
  WebhookAttemptType,
  WebhookDeliveryStatus,
  WebhookDeliveryType,
  WebhookEndpointType,
} from './webhook.type';

/** Register and manage endpoints: admins (all) and partners (their own key's). */
const MANAGE = rolesWith(Permission.MANAGE_WEBHOOKS);
/** Read and replay: staff see all, partners their own. */
const SEE = rolesWith(Permission.READ_WEBHOOKS);

@Resolver(() => WebhookEndpointType)
export class WebhookEndpointResolver {
  @Authorized(SEE)
  @Query(() => [WebhookEndpointType], { description: 'Partners: their own endpoints; staff: all.' })
  webhookEndpoints(@Ctx() ctx: RequestContext) {
    return listEndpoints(ctx);
  }

  @Authorized(SEE)
  @Query(() => [String], { description: 'The event types an endpoint can subscribe to.' })
  webhookEventTypes() {
    return webhookEventTypes();
  }

  @Authorized(MANAGE)
  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      "A partner's endpoint covers its key's accounts; an admin's all accounts unless accountIds narrows it.",
  })
  createWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
  ) {
    return createEndpoint(ctx, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => WebhookEndpointType)
  updateWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
  ) {
    return updateEndpoint(ctx, input);
  }

  @Authorized(MANAGE)
  @Mutation(() => WebhookEndpointType)
  disableWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return updateEndpoint(ctx, { id, enabled: false });
  }

  @Authorized(MANAGE)
  @Mutation(() => ID, { description: 'Deletes the endpoint and its delivery log.' })
  deleteWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return deleteEndpoint(ctx, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'A new signing secret; the old one still signs beside it for the overlap (WEBHOOK_SECRET_OVERLAP_HOURS, default 24 h), then stops.',
  })
  rotateWebhookSecret(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return rotateSecret(ctx, id);
  }

  @Authorized(MANAGE)
  @Mutation(() => WebhookDeliveryType, {
    description:
      'Sends a webhook.test event to this endpoint only (it must be enabled), signed and retried like any other; returns its delivery.',
  })
  sendTestWebhook(@Ctx() ctx: RequestContext, @Arg('endpointId', () => ID) endpointId: string) {
    return sendTestEvent(ctx, endpointId);
  }

  @Authorized(SEE)
  @Mutation(() => WebhookDeliveryType, { description: 'Sends the event to the endpoint again.' })
  replayWebhookDelivery(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return replayDelivery(ctx, id);
  }

  @FieldResolver(() => [WebhookDeliveryType], { description: 'Newest first.' })
  deliveries(
    @Root() endpoint: WebhookEndpointType,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true })
    status: WebhookDeliveryStatus | null,
  ) {
    return listDeliveries(ctx, endpoint, first, status);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttemptType], { description: 'Every try, oldest first.' })
  attempts(@Root() delivery: WebhookDeliveryType, @Ctx() ctx: RequestContext) {
    return listAttempts(ctx, delivery.id);
  }
}
