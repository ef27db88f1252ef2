import { useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useRef, useState, type FormEvent } from 'react';
import { useCan } from '../../app/auth/auth-context';
import { graphql } from '../../gql';
import type { WebhookEndpointsPageQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import { Badge } from '../../shared/ui/badge';
import { CopyButton } from '../../shared/ui/copy-button';
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
        payload
        attempts {
          at
          statusCode
          latencyMs
          error
          responseExcerpt
          requestUrl
          requestHeaders {
            name
            value
          }
          responseHeaders {
            name
            value
          }
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

const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($endpointId: ID!) {
    sendTestWebhook(endpointId: $endpointId) {
      id
      eventId
      status
    }
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
type Delivery = Endpoint['deliveries'][number];
type Attempt = Delivery['attempts'][number];

const refetch = { refetchQueries: ['WebhookEndpointsPage'], awaitRefetchQueries: true };

/** Partners' signed event receivers: partners see their own, staff all. */
export function WebhooksPage() {
  const { data, error, loading } = useQuery(WebhookEndpointsQuery, {
    fetchPolicy: 'cache-and-network',
    pollInterval: 3_000,
  });
  const canManage = useCan('MANAGE_WEBHOOKS');
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const secretRef = useRef<HTMLElement>(null);
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
          <div className="secret-row">
            <code data-testid="webhook-secret" ref={secretRef}>
              {secret.secret}
            </code>{' '}
            <CopyButton text={secret.secret} target={secretRef} label="Copy signing secret" />{' '}
            <button type="button" className="button button-small" onClick={() => setSecret(null)}>
              Done
            </button>
          </div>
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
  const [sendTest, testState] = useMutation(SendTestWebhookMutation, refetch);
  const [testId, setTestId] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const test = e.deliveries.find((d) => d.id === testId);
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
            disabled={!e.enabled || testState.loading}
            title={e.enabled ? undefined : 'Enable the endpoint to send a test event.'}
            onClick={() =>
              void sendTest({ variables: { endpointId: e.id } }).then((r) => {
                const id = r.data?.sendTestWebhook.id;
                if (!id) return;
                setTestId(id);
                setOpen((o) => new Set(o).add(id));
              }, fail('Send test event'))
            }
          >
            Send test event
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
      {testId ? (
        <p className="notice small" role="status" aria-label="Test event">
          Test event sent (webhook.test):{' '}
          {test ? (
            <>
              <strong>{test.status.toLowerCase()}</strong>
              {test.attempts.length > 0 ? ` · ${attemptSummary(test.attempts.at(-1)!)}` : ''}
              {' · its attempts are shown below.'}
            </>
          ) : (
            'queued.'
          )}
        </p>
      ) : null}
      {e.deliveries.length === 0 ? (
        <p className="muted small">No deliveries yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack" aria-label={`Deliveries to ${e.url}`}>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {e.deliveries.map((d) => (
                <Fragment key={d.id}>
                  <tr data-testid="webhook-delivery">
                    <td data-label="Event">{d.eventType}</td>
                    <td data-label="Status">
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
                    <td data-label="Attempts">
                      {d.attempts.map(attemptSummary).join(' · ')}
                      {d.nextAttemptAt ? (
                        <>
                          {' · next '}
                          <Time iso={d.nextAttemptAt} />
                        </>
                      ) : null}
                    </td>
                    <td data-label="When">
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
                      </button>{' '}
                      <button
                        type="button"
                        className="button button-small button-ghost"
                        aria-expanded={open.has(d.id)}
                        aria-controls={`attempts-${d.id}`}
                        disabled={d.attempts.length === 0 && !open.has(d.id)}
                        onClick={() => toggle(d.id)}
                      >
                        {open.has(d.id) ? 'Hide attempts' : 'Attempts'}
                      </button>
                    </td>
                  </tr>
                  {open.has(d.id) ? (
                    <tr id={`attempts-${d.id}`} className="webhook-attempts-row">
                      <td colSpan={5}>
                        <AttemptList delivery={d} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

function attemptSummary(a: Attempt): string {
  return a.statusCode ? `${a.statusCode} (${a.latencyMs} ms)` : (a.error ?? 'error');
}

/** Every try of a delivery, newest open: what was sent and what came back. */
function AttemptList({ delivery }: { delivery: Delivery }) {
  if (delivery.attempts.length === 0) return <p className="muted small">No attempt yet.</p>;
  const last = delivery.attempts.length - 1;
  return (
    <div className="webhook-attempts" aria-label={`Attempts of ${delivery.eventType}`}>
      {delivery.attempts.map((a, i) => (
        <details key={i} className="webhook-attempt" open={i === last}>
          <summary>
            Attempt {i + 1} · {attemptSummary(a)} · <Time iso={a.at} />
          </summary>
          <div className="webhook-attempt-detail">
            <section aria-label={`Request of attempt ${i + 1}`}>
              <h4>Request</h4>
              <p className="mono small">POST {a.requestUrl ?? '(not recorded)'}</p>
              <HeaderList headers={a.requestHeaders} none="No request was made." />
              <p className="muted small">Body: the event payload (below).</p>
            </section>
            <section aria-label={`Response of attempt ${i + 1}`}>
              <h4>Response</h4>
              <dl className="webhook-facts">
                <dt>Status</dt>
                <dd>{a.statusCode ?? 'no answer'}</dd>
                <dt>Latency</dt>
                <dd>{a.latencyMs} ms</dd>
                {a.error ? (
                  <>
                    <dt>Error</dt>
                    <dd>{a.error}</dd>
                  </>
                ) : null}
              </dl>
              <HeaderList headers={a.responseHeaders} none="No response headers." />
              {a.responseExcerpt ? (
                <pre className="webhook-body" aria-label="Response body excerpt">
                  {a.responseExcerpt}
                </pre>
              ) : (
                <p className="muted small">Empty response body.</p>
              )}
            </section>
          </div>
        </details>
      ))}
      <details className="webhook-attempt">
        <summary>Event payload</summary>
        <pre className="webhook-body">{delivery.payload}</pre>
      </details>
    </div>
  );
}

function HeaderList(props: {
  headers: readonly { name: string; value: string }[] | null | undefined;
  none: string;
}) {
  if (!props.headers || props.headers.length === 0)
    return <p className="muted small">{props.none}</p>;
  return (
    <dl className="webhook-headers mono small">
      {props.headers.map((h) => (
        <Fragment key={h.name}>
          <dt>{h.name}</dt>
          <dd>{h.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
