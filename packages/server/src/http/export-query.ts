import type { Request } from 'express';
import { badInput } from '../common/errors';

// The exports' query strings, read as their GraphQL filters are: each
// parameter once, BAD_USER_INPUT naming `filter.<name>` for a bad value.

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function one(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badInput(`filter.${name}`, `Give filter.${name} once.`);
  return v;
}

export function list<T extends string>(
  req: Request,
  name: string,
  allowed: Record<string, T>,
): T[] | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [''],
  );
  const values = Object.values(allowed);
  for (const p of parts) {
    if (!values.includes(p as T))
      throw badInput(`filter.${name}`, `filter.${name} takes ${values.join(', ')}; got "${p}".`);
  }
  return parts as T[];
}

export function bool(req: Request, name: string): boolean | null {
  const v = one(req, name);
  if (v === undefined) return null;
  if (v !== 'true' && v !== 'false')
    throw badInput(`filter.${name}`, `filter.${name} is true or false.`);
  return v === 'true';
}

export function date(req: Request, name: string): Date | null {
  const v = one(req, name);
  if (v === undefined) return null;
  if (!DATE_TIME.test(v))
    throw badInput(`filter.${name}`, `filter.${name} is an ISO 8601 date-time with a zone.`);
  return new Date(v); // range and order are checked with the query's own rules
}
