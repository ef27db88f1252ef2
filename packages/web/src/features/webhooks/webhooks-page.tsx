import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useCan } from '../../app/auth/auth-context';
import { graphql } from '../../gql';
import type { WebhookEndpointsPageQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import { Badge } from '../../shared/ui/badge';
import { PageHeader, Section } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { useToast } from '../../shared/ui/toast';
import { Time } from '../../shared/ui/time';

const WebhookEndpointsQuery = graphql(`
  query WebhookEndpointsPage {
    webhookEventTypes
    webhookEndpoints {
      id
      url
      eventTypes
      description
      enabled
      disabledReason
      ownerName
      createdAt
      deliveries(first: 10) {
        id
        eventId
        eventType
        status
        attemptCount
        nextAttemptAt
        lastError
        createdAt
        attempts {
          at
          statusCode
          latencyMs
          error
        }
      }
    }
  }
`);

const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
        eventTypes
      }
      secret
    }
  }
`);

const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      id
      enabled
      disabledReason
    }
  }
`);

const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
    }
  }
`);

const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

const ReplayWebhookDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
      status
    }
  }
`);

type Endpoint = WebhookEndpointsPageQuery['webhookEndpoints'][number];

const refetch = { refetchQueries: ['WebhookEndpointsPage'], awaitRefetchQueries: true };

/** Partners' signed event receivers: partners see their own, staff all. */
export function WebhooksPage() {
  const { data, error, loading } = useQuery(WebhookEndpointsQuery, {
    fetchPolicy: 'cache-and-network',
    pollInterval: 3_000,
  });
  const canManage = useCan('MANAGE_WEBHOOKS');
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  return (
    <div className="page">
      <PageHeader
        title="Webhooks"
        subtitle="Signed events (Standard Webhooks) for the accounts in an endpoint's scope."
      />
      {secret ? (
        <div className="card secret-once" role="status" aria-label="Signing secret">
          <p>
            Signing secret for <strong>{secret.url}</strong>. Copy it now: it is shown only once.
          </p>
          <code data-testid="webhook-secret">{secret.secret}</code>{' '}
          <button type="button" className="button button-small" onClick={() => setSecret(null)}>
            Done
          </button>
        </div>
      ) : null}
      {canManage && data ? (
        <CreateEndpointForm eventTypes={data.webhookEventTypes} onSecret={setSecret} />
      ) : null}
      <Section title="Endpoints">
        {error ? <ErrorNotice error={error} /> : null}
        {!data && loading ? <SkeletonRows rows={3} /> : null}
        {data && data.webhookEndpoints.length === 0 ? (
          <EmptyState title="No endpoints yet">Register a URL to receive events.</EmptyState>
        ) : null}
        {data?.webhookEndpoints.map((e) => (
          <EndpointCard key={e.id} endpoint={e} canManage={canManage} onSecret={setSecret} />
        ))}
      </Section>
    </div>
  );
}

function CreateEndpointForm(props: {
  eventTypes: readonly string[];
  onSecret: (s: { url: string; secret: string }) => void;
}) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [create, state] = useMutation(CreateWebhookEndpointMutation, refetch);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const { data } = await create({
      variables: { input: { url, eventTypes: types, description: description || null } },
    });
    if (data) {
      props.onSecret({
        url: data.createWebhookEndpoint.endpoint.url,
        secret: data.createWebhookEndpoint.secret,
      });
      setUrl('');
      setDescription('');
      setTypes([]);
    }
  }
  return (
    <Section title="Register an endpoint">
      <form
        className="form"
        aria-label="Register an endpoint"
        onSubmit={(e) => void submit(e).catch(() => undefined)}
      >
        <label className="field">
          <span>URL</span>
          <input
            type="url"
            required
            value={url}
            placeholder="https://hooks.example.com/credits"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Description</span>
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <fieldset className="field">
          <legend>Events</legend>
          {props.eventTypes.map((t) => (
            <label key={t} className="checkbox">
              <input
                type="checkbox"
                checked={types.includes(t)}
                onChange={(e) =>
                  setTypes(e.target.checked ? [...types, t] : types.filter((x) => x !== t))
                }
              />{' '}
              {t}
            </label>
          ))}
        </fieldset>
        {state.error ? <ErrorNotice error={state.error} /> : null}
        <button type="submit" className="button" disabled={state.loading || types.length === 0}>
          Create endpoint
        </button>
      </form>
    </Section>
  );
}

function EndpointCard(props: {
  endpoint: Endpoint;
  canManage: boolean;
  onSecret: (s: { url: string; secret: string }) => void;
}) {
  const e = props.endpoint;
  const toast = useToast();
  const [update] = useMutation(UpdateWebhookEndpointMutation, refetch);
  const [rotate] = useMutation(RotateWebhookSecretMutation);
  const [remove] = useMutation(DeleteWebhookEndpointMutation, refetch);
  const [replay] = useMutation(ReplayWebhookDeliveryMutation, refetch);
  const fail = (what: string) => (err: unknown) => toast(`${what} failed: ${String(err)}`);
  return (
    <article
      className="webhook-endpoint"
      aria-label={`Endpoint ${e.url}`}
      data-testid="webhook-endpoint"
    >
      <div className="statement-line">
        <strong>{e.url}</strong>
        <Badge tone={e.enabled ? 'success' : 'danger'} title={e.disabledReason ?? undefined}>
          {e.enabled ? 'Enabled' : 'Disabled'}
        </Badge>
        <span className="muted small">
          {e.eventTypes.join(', ')} · by {e.ownerName}
          {e.description ? ` · ${e.description}` : ''}
        </span>
      </div>
      {!e.enabled && e.disabledReason ? <p className="muted small">{e.disabledReason}</p> : null}
      {props.canManage ? (
        <div className="card-actions">
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() =>
              void rotate({ variables: { id: e.id } }).then(
                (r) =>
                  r.data &&
                  props.onSecret({ url: e.url, secret: r.data.rotateWebhookSecret.secret }),
                fail('Rotate'),
              )
            }
          >
            Rotate secret
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() =>
              void update({ variables: { input: { id: e.id, enabled: !e.enabled } } }).catch(
                fail(e.enabled ? 'Disable' : 'Enable'),
              )
            }
          >
            {e.enabled ? 'Disable' : 'Enable'}
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => void remove({ variables: { id: e.id } }).catch(fail('Delete'))}
          >
            Delete
          </button>
        </div>
      ) : null}
      {e.deliveries.length === 0 ? (
        <p className="muted small">No deliveries yet.</p>
      ) : (
        <table className="table" aria-label={`Deliveries to ${e.url}`}>
          <thead>
            <tr>
              <th>Event</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>When</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {e.deliveries.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery">
                <td>{d.eventType}</td>
                <td>
                  <Badge
                    tone={
                      d.status === 'DELIVERED'
                        ? 'success'
                        : d.status === 'FAILED'
                          ? 'danger'
                          : 'warning'
                    }
                    title={d.lastError ?? undefined}
                  >
                    {d.status.toLowerCase()}
                  </Badge>
                </td>
                <td>
                  {d.attempts
                    .map((a) =>
                      a.statusCode ? `${a.statusCode} (${a.latencyMs} ms)` : (a.error ?? 'error'),
                    )
                    .join(' · ')}
                  {d.nextAttemptAt ? (
                    <>
                      {' · next '}
                      <Time iso={d.nextAttemptAt} />
                    </>
                  ) : null}
                </td>
                <td>
                  <Time iso={d.createdAt} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    disabled={!e.enabled}
                    onClick={() =>
                      void replay({ variables: { id: d.id } }).then(
                        () => toast('Delivery queued again'),
                        fail('Replay'),
                      )
                    }
                  >
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
