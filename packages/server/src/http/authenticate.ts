import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../common/viewer';
import { viewerForSecret } from '../keys/key.service';
import { viewerForPortalToken } from '../portal/portal-links';
import { asUnavailable } from './unavailable';

/**
 * The caller behind `Authorization: Bearer <key>`, or, where `portal` is
 * given (POST/GET /graphql), a customer portal page's
 * `Authorization: Portal <token>` checked at `portal.now()`; else null. A
 * database that is away while either is looked up is SERVICE_UNAVAILABLE,
 * not a 500.
 */
export async function viewerOfRequest(
  ds: DataSource,
  req: IncomingMessage,
  adminKey: string | undefined,
  portal?: { now: () => Date },
): Promise<Viewer | null> {
  const match = /^(Bearer|Portal)\s+(\S{1,200})$/i.exec(req.headers.authorization ?? '');
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'portal' && !portal) return null;
  try {
    return scheme === 'portal'
      ? await viewerForPortalToken(ds, match[2]!, portal!.now())
      : await viewerForSecret(ds, match[2]!, adminKey);
  } catch (err) {
    throw asUnavailable(err);
  }
}
