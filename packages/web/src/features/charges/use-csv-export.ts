import { useCallback, useRef, useState } from 'react';
import { ServerError } from '@apollo/client/errors';
import { apiKeyStore } from '../../app/auth/session';
import type { ChargeFilter } from '../../gql/graphql';
import { downloadBlob } from './csv';

/** The gateway's streaming export: the `charges` filter as query parameters. */
export const EXPORT_PATH = '/export/charges.csv';

/** ChargeFilter -> ?accountId=&from=&to=&categories=A,B&editions=&included=&refunded= */
export function exportQuery(filter: ChargeFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.accountId) p.set('accountId', String(filter.accountId));
  if (filter.from) p.set('from', String(filter.from));
  if (filter.to) p.set('to', String(filter.to));
  if (filter.categories?.length) p.set('categories', filter.categories.join(','));
  if (filter.editions?.length) p.set('editions', filter.editions.join(','));
  if (filter.included != null) p.set('included', String(filter.included));
  if (filter.refunded != null) p.set('refunded', String(filter.refunded));
  return p;
}

export interface CsvProgress {
  /** Bytes received so far. */
  received: number;
}

/**
 * Downloads the filtered charges from the gateway, which streams them from a
 * cursor. A plain link cannot carry the API key, so the file comes through
 * fetch with the key as a Bearer header and is saved from a blob.
 */
export function useCsvExport(path: string = EXPORT_PATH) {
  const [progress, setProgress] = useState<CsvProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);

  /** A ChargeFilter for charges; ready query parameters for another export (the audit trail's). */
  const exportCsv = useCallback(
    async (filter: ChargeFilter | URLSearchParams, fileName: string) => {
      if (running.current) return null;
      running.current = true;
      setError(null);
      setProgress({ received: 0 });
      try {
        const query = (filter instanceof URLSearchParams ? filter : exportQuery(filter)).toString();
        const key = apiKeyStore.get();
        const response = await fetch(`${path}${query ? `?${query}` : ''}`, {
          headers: key ? { authorization: `Bearer ${key}` } : {},
        });
        if (!response.ok) {
          // The gateway answers refusals in the GraphQL error shape; toAppError reads it.
          const bodyText = await response.text();
          throw new ServerError(`The export failed (HTTP ${response.status})`, {
            response,
            bodyText,
          });
        }
        const parts: BlobPart[] = [];
        let received = 0;
        const reader = response.body?.getReader();
        if (reader) {
          for (let r = await reader.read(); !r.done; r = await reader.read()) {
            parts.push(r.value);
            received += r.value.byteLength;
            setProgress({ received });
          }
        } else {
          parts.push(await response.blob());
        }
        downloadBlob(fileName, new Blob(parts, { type: 'text/csv;charset=utf-8' }));
        return received;
      } catch (e) {
        setError(e);
        return null;
      } finally {
        running.current = false;
        setProgress(null);
      }
    },
    [path],
  );

  return { exportCsv, progress, error, running: progress !== null };
}
