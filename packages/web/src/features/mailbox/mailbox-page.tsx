import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../shared/error-notice';
import { PageHeader, Section } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { Time } from '../../shared/ui/time';

const MailboxQuery = graphql(`
  query Mailbox {
    mailbox(first: 50) {
      id
      to
      subject
      date
      text
      html
    }
  }
`);

/** The local mailbox of an install without SMTP_URL: what customers would have received. */
export function MailboxPage() {
  const { data, error, loading, refetch } = useQuery(MailboxQuery, {
    fetchPolicy: 'cache-and-network',
    pollInterval: 3_000,
  });
  return (
    <div className="page">
      <PageHeader
        title="Mailbox"
        subtitle="Without SMTP_URL the gateway writes e-mails here instead of sending them (see the README to use a real server)."
        actions={
          <button type="button" className="button button-small" onClick={() => void refetch()}>
            Refresh
          </button>
        }
      />
      <Section title="Messages">
        {error ? <ErrorNotice error={error} /> : null}
        {!data && loading ? <SkeletonRows rows={4} /> : null}
        {data && data.mailbox.length === 0 ? (
          <EmptyState title="The mailbox is empty">
            Statements appear here seconds after a charge or refund.
          </EmptyState>
        ) : null}
        {data && data.mailbox.length > 0 ? (
          <ul className="statements" aria-label="Mailbox messages">
            {data.mailbox.map((m) => (
              <li key={m.id} className="statement-item" data-testid="mail">
                <details>
                  <summary>
                    <strong>{m.subject}</strong>{' '}
                    <span className="muted small">
                      to {m.to} · <Time iso={m.date} />
                    </span>
                  </summary>
                  {m.html ? (
                    // The customer's view. sandbox="" gives the message no
                    // scripts, no same-origin access, no forms, no navigation.
                    <iframe
                      className="mail-html"
                      title={`HTML part of "${m.subject}"`}
                      sandbox=""
                      srcDoc={m.html}
                      data-testid="mail-html"
                    />
                  ) : null}
                  <p className="muted small">Plain-text part:</p>
                  <pre className="mail-body">{m.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    </div>
  );
}
