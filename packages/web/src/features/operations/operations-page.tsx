import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { OperationsPageQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import { formatCredits, formatNumber } from '../../shared/format';
import { Badge } from '../../shared/ui/badge';
import { PageHeader, Section } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { Time } from '../../shared/ui/time';

const OperationsQuery = graphql(`
  query OperationsPage {
    expirySchedule {
      schedule
      nextRunAt
      lastRun {
        id
        ranAt
        lots
        credits
      }
    }
    mailDelivery {
      retryingStatements
      configurationFault
      faultSince
    }
    reconciliationReports(first: 10) {
      id
      ranAt
      midnight
      accountsChecked
      lotsChecked
      ok
      mismatches {
        check
        ids
      }
    }
  }
`);

type Report = OperationsPageQuery['reconciliationReports'][number];

/** Staff: the scheduled expiry and the nightly reconciliation reports. */
export function OperationsPage() {
  const { data, error, loading, refetch } = useQuery(OperationsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  return (
    <div className="page">
      <PageHeader
        title="Operations"
        subtitle="Scheduled expiry (P19) and the nightly check that the books add up."
      />
      {error ? <ErrorNotice error={error} onRetry={() => void refetch()} /> : null}
      {!data && loading ? (
        <div className="card">
          <SkeletonRows rows={6} label="Loading operations" />
        </div>
      ) : null}
      {data ? (
        <>
          <ExpiryScheduleCard schedule={data.expirySchedule} />
          <MailDeliveryCard mail={data.mailDelivery} />
          <Section id="reconciliation" title="Reconciliation reports">
            {data.reconciliationReports.length === 0 ? (
              <EmptyState title="No report yet">
                The first report appears after the nightly reconciliation has run.
              </EmptyState>
            ) : (
              <ul className="reports" aria-label="Reconciliation reports, newest first">
                {data.reconciliationReports.map((r) => (
                  <ReportItem key={r.id} report={r} />
                ))}
              </ul>
            )}
          </Section>
        </>
      ) : null}
    </div>
  );
}

function MailDeliveryCard({ mail }: { mail: OperationsPageQuery['mailDelivery'] }) {
  return (
    <Section id="mail" title="Statement e-mails">
      <dl className="ops-facts" data-testid="mail-delivery">
        <div>
          <dt>Waiting for a retry</dt>
          <dd data-testid="mail-retrying">{formatNumber(mail.retryingStatements)}</dd>
        </div>
        <div>
          <dt>SMTP settings</dt>
          <dd data-testid="mail-fault">
            {mail.configurationFault ? (
              <>
                <Badge tone="danger">Fix SMTP_URL</Badge> {mail.configurationFault}
                {mail.faultSince ? (
                  <>
                    {' '}
                    (since <Time iso={mail.faultSince} />)
                  </>
                ) : null}
              </>
            ) : (
              <span className="muted">No fault</span>
            )}
          </dd>
        </div>
      </dl>
    </Section>
  );
}

function ExpiryScheduleCard({ schedule }: { schedule: OperationsPageQuery['expirySchedule'] }) {
  const last = schedule.lastRun;
  return (
    <Section id="expiry" title="Expiry schedule">
      <dl className="ops-facts" data-testid="expiry-schedule">
        <div>
          <dt>Schedule (UTC)</dt>
          <dd>
            <code>{schedule.schedule}</code>
          </dd>
        </div>
        <div>
          <dt>Last run</dt>
          <dd data-testid="expiry-last-run">
            {last ? (
              <>
                <Time iso={last.ranAt} />: {formatNumber(last.lots)}{' '}
                {last.lots === 1 ? 'lot' : 'lots'}, {formatCredits(last.credits)} expired
              </>
            ) : (
              <span className="muted">No run yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Next run</dt>
          <dd data-testid="expiry-next-run">
            {schedule.nextRunAt ? <Time iso={schedule.nextRunAt} /> : '—'}
          </dd>
        </div>
      </dl>
    </Section>
  );
}

function ReportItem({ report: r }: { report: Report }) {
  return (
    <li
      className={`report${r.ok ? '' : ' report-failed'}`}
      data-testid="reconciliation-report"
      data-ok={String(r.ok)}
    >
      <div className="report-head">
        {r.ok ? <Badge tone="success">Clean</Badge> : <Badge tone="danger">Mismatches</Badge>}{' '}
        <strong>
          <Time iso={r.ranAt} />
        </strong>
        <span className="muted small">
          {' '}
          · {formatNumber(r.accountsChecked)} accounts, {formatNumber(r.lotsChecked)} lots checked
          (ledger also as of <Time iso={r.midnight} />)
        </span>
      </div>
      {r.ok ? (
        <p className="muted small">Every invariant holds.</p>
      ) : (
        <ul className="mismatches" aria-label="Mismatches">
          {r.mismatches.map((m) => (
            <li key={m.check}>
              <strong>{m.check}</strong>:{' '}
              {m.ids.map((id, i) => (
                <span key={id}>
                  {i > 0 ? ', ' : null}
                  <code>{id}</code>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
