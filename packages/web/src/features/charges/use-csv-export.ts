import { useCallback, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ChargeFilter, ChargesCsvQuery as ChargesCsvResult } from '../../gql/graphql';
import { downloadText, neutralizeFormula, toCsv, type CsvValue } from './csv';

const CSV_PAGE = 100; // the gateway's maximum `first`

const ChargesCsvQuery = graphql(`
  query ChargesCsv($filter: ChargeFilter, $first: Int!, $after: String) {
    charges(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        credits
        included
        refunded
        balanceAfter
        account {
          id
          name
        }
        ticket {
          id
          subject
          category
          level
          license {
            id
            domain
            edition
            hostingPlan
          }
        }
        refund {
          id
          createdAt
          credits
          reason
        }
      }
    }
  }
`);

type CsvCharge = ChargesCsvResult['charges']['nodes'][number];

export const CSV_HEADER = [
  'charge_id',
  'charged_at',
  'account_id',
  'account_name',
  'ticket_id',
  'ticket_subject',
  'category',
  'level',
  'license_domain',
  'edition',
  'hosting_plan',
  'credits',
  'included',
  'balance_after',
  'refunded',
  'refunded_at',
  'refunded_credits',
  'refund_reason',
] as const;

export function chargeToCsvRow(c: CsvCharge): CsvValue[] {
  return [
    c.id,
    c.createdAt,
    c.account.id,
    neutralizeFormula(c.account.name),
    c.ticket.id,
    neutralizeFormula(c.ticket.subject),
    c.ticket.category,
    c.ticket.level,
    neutralizeFormula(c.ticket.license.domain),
    c.ticket.license.edition,
    c.ticket.license.hostingPlan ?? '',
    c.credits,
    c.included,
    c.balanceAfter,
    c.refunded,
    c.refund?.createdAt ?? '',
    c.refund?.credits ?? '',
    c.refund ? neutralizeFormula(c.refund.reason) : '',
  ];
}

export interface CsvProgress {
  fetched: number;
  total: number | null;
}

/** Pages through every charge of the filter, 100 at a time, and downloads them as one CSV. */
export function useCsvExport() {
  const client = useApolloClient();
  const [progress, setProgress] = useState<CsvProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);

  const exportCsv = useCallback(
    async (filter: ChargeFilter, fileName: string) => {
      if (running.current) return;
      running.current = true;
      setError(null);
      setProgress({ fetched: 0, total: null });
      try {
        const rows: CsvValue[][] = [];
        let after: string | null = null;
        for (;;) {
          const result = await client.query({
            query: ChargesCsvQuery,
            variables: { filter, first: CSV_PAGE, after },
            fetchPolicy: 'no-cache',
          });
          if (result.error || !result.data)
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- Apollo's ErrorLike is an Error at run time
            throw result.error ?? new Error('No answer from the gateway');
          const page: ChargesCsvResult['charges'] = result.data.charges;
          for (const c of page.nodes) rows.push(chargeToCsvRow(c));
          setProgress({ fetched: rows.length, total: page.totalCount });
          if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
          after = page.pageInfo.endCursor;
        }
        downloadText(fileName, toCsv(CSV_HEADER, rows));
        return rows.length;
      } catch (e) {
        setError(e);
        return null;
      } finally {
        running.current = false;
        setProgress(null);
      }
    },
    [client],
  );

  return { exportCsv, progress, error, running: progress !== null };
}
