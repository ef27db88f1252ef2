import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CreateWebhookEndpointDocument,
  SendTestWebhookDocument,
  WebhookEndpointsPageDocument,
} from '../../gql/graphql';
import { renderWithApp } from '../../test/render';
import { WebhooksPage } from './webhooks-page';

const URL_ = 'https://hooks.example.com/credits';

function attempt(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookAttempt' as const,
    at: '2026-12-05T10:00:00.000Z',
    statusCode: 503,
    latencyMs: 42,
    error: null,
    responseExcerpt: 'busy, come back later',
    requestUrl: URL_,
    requestHeaders: [
      { __typename: 'WebhookHeader' as const, name: 'content-type', value: 'application/json' },
      { __typename: 'WebhookHeader' as const, name: 'webhook-id', value: 'evt-1' },
    ],
    responseHeaders: [{ __typename: 'WebhookHeader' as const, name: 'retry-after', value: '30' }],
    ...extra,
  };
}

function delivery(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookDelivery' as const,
    id: 'del-1',
    eventId: 'evt-1',
    eventType: 'webhook.test',
    status: 'RETRYING',
    attemptCount: 1,
    nextAttemptAt: null,
    lastError: 'HTTP 503',
    createdAt: '2026-12-05T10:00:00.000Z',
    payload: '{"id":"evt-1","type":"webhook.test"}',
    attempts: [attempt()],
    ...extra,
  };
}

function endpoint(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookEndpoint' as const,
    id: 'ep-1',
    url: URL_,
    eventTypes: ['charge.created'],
    description: null,
    enabled: true,
    disabledReason: null,
    ownerName: 'Reseller Nord',
    createdAt: '2026-12-01T10:00:00.000Z',
    deliveries: [] as unknown[],
    ...extra,
  };
}

const list = (endpoints: unknown[]) => ({
  request: { query: WebhookEndpointsPageDocument, variables: {} },
  result: {
    data: { webhookEventTypes: ['charge.created', 'webhook.test'], webhookEndpoints: endpoints },
  },
});

describe('WebhooksPage', () => {
  it('copies the signing secret shown after creating an endpoint', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithApp(<WebhooksPage />, {
      role: 'ADMIN',
      mocks: [
        list([]),
        {
          request: {
            query: CreateWebhookEndpointDocument,
            variables: { input: { url: URL_, eventTypes: ['charge.created'], description: null } },
          },
          result: {
            data: {
              createWebhookEndpoint: {
                __typename: 'CreateWebhookEndpointPayload',
                endpoint: {
                  __typename: 'WebhookEndpoint',
                  id: 'ep-1',
                  url: URL_,
                  eventTypes: ['charge.created'],
                },
                secret: 'whsec_abc123',
              },
            },
          },
        },
        list([endpoint()]),
      ],
    });
    const form = await screen.findByRole('form', { name: 'Register an endpoint' });
    await user.type(within(form).getByLabelText('URL'), URL_);
    await user.click(within(form).getByLabelText('charge.created'));
    await user.click(within(form).getByRole('button', { name: 'Create endpoint' }));
    const banner = await screen.findByRole('status', { name: 'Signing secret' });
    expect(within(banner).getByTestId('webhook-secret')).toHaveTextContent('whsec_abc123');
    await user.click(within(banner).getByRole('button', { name: 'Copy signing secret' }));
    expect(await within(banner).findByText('Copied to the clipboard.')).toBeVisible();
    expect(writeText).toHaveBeenCalledWith('whsec_abc123');
  });

  it('sends a test event and shows its delivery with the attempt expanded', async () => {
    const user = userEvent.setup();
    const sent = delivery();
    renderWithApp(<WebhooksPage />, {
      role: 'PARTNER',
      mocks: [
        list([endpoint()]),
        {
          request: { query: SendTestWebhookDocument, variables: { endpointId: 'ep-1' } },
          result: {
            data: {
              sendTestWebhook: {
                __typename: 'WebhookDelivery',
                id: 'del-1',
                eventId: 'evt-1',
                status: 'PENDING',
              },
            },
          },
        },
        list([endpoint({ deliveries: [sent] })]),
      ],
    });
    const card = await screen.findByRole('article', { name: `Endpoint ${URL_}` });
    await user.click(within(card).getByRole('button', { name: 'Send test event' }));
    const status = await within(card).findByRole('status', { name: 'Test event' });
    expect(status).toHaveTextContent('retrying');
    expect(status).toHaveTextContent('503 (42 ms)');
    // The new delivery's attempts open at once: request and response.
    const request = await within(card).findByRole('region', { name: 'Request of attempt 1' });
    expect(request).toHaveTextContent(`POST ${URL_}`);
    expect(request).toHaveTextContent('webhook-idevt-1');
    const response = within(card).getByRole('region', { name: 'Response of attempt 1' });
    expect(response).toHaveTextContent('Status503');
    expect(response).toHaveTextContent('Latency42 ms');
    expect(response).toHaveTextContent('retry-after30');
    expect(within(response).getByLabelText('Response body excerpt')).toHaveTextContent(
      'busy, come back later',
    );
  });

  it('expands an attempt on demand; a try with no answer shows its error; disabled endpoints cannot be tested', async () => {
    const user = userEvent.setup();
    const failed = delivery({
      id: 'del-2',
      eventType: 'charge.created',
      attempts: [
        attempt({
          statusCode: null,
          error: 'connect ECONNREFUSED',
          responseExcerpt: null,
          responseHeaders: null,
        }),
      ],
    });
    renderWithApp(<WebhooksPage />, {
      role: 'ADMIN',
      mocks: [
        list([
          endpoint({ enabled: false, disabledReason: 'disabled by admin', deliveries: [failed] }),
        ]),
      ],
    });
    const card = await screen.findByRole('article', { name: `Endpoint ${URL_}` });
    expect(within(card).getByRole('button', { name: 'Send test event' })).toBeDisabled();
    expect(within(card).queryByRole('region', { name: 'Response of attempt 1' })).toBeNull();
    const toggle = within(card).getByRole('button', { name: 'Attempts' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const response = within(card).getByRole('region', { name: 'Response of attempt 1' });
    expect(response).toHaveTextContent('Statusno answer');
    expect(response).toHaveTextContent('Errorconnect ECONNREFUSED');
    expect(response).toHaveTextContent('No response headers.');
  });
});
