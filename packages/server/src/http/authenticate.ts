import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../common/viewer';
import { viewerForSecret } from '../keys/key.service';
import { asUnavailable } from './unavailable';

/**
 * The caller behind `Authorization: Bearer <key>`, or null. A database that
 * is away while the key is looked up is SERVICE_UNAVAILABLE, not a 500.
 */
export async function viewerOfRequest(
  ds: DataSource,
  req: IncomingMessage,
  adminKey: string | undefined,
): Promise<Viewer | null> {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(req.headers.authorization ?? '');
  if (!match) return null;
  try {
    return await viewerForSecret(ds, match[1]!, adminKey);
  } catch (err) {
    throw asUnavailable(err);
  }
}
