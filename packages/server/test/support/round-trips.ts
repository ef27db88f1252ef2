import { Client } from 'pg';

// Counts the round trips a job worker makes to Postgres: every query() of the
// job pool's clients is one (a named prepared statement already parsed is one
// Bind/Execute/Sync; a simple query is one message, whatever it holds), and
// keeps what each was, so a count can say where a job's trips go.

export type TripKind =
  | 'claim' // graphile-worker's getJob that found a job
  | 'empty claim' // getJob that found none (a nudge or poll with nothing for this runner)
  | 'complete' // graphile-worker's completeJob / failJob
  | 'transaction' // BEGIN, COMMIT, ROLLBACK
  | 'task' // everything else: the tasks' own statements, start-up, LISTEN
  | 'housekeeping'; // graphile-worker's sweep for jobs locked for hours, at a random instant: not counted

export class TripLog {
  readonly trips: { kind: TripKind; text: string }[] = [];

  /** Round trips so far, housekeeping aside. */
  get count(): number {
    return this.trips.filter((t) => t.kind !== 'housekeeping').length;
  }

  byKind(from = 0): Record<TripKind, number> {
    const out: Record<TripKind, number> = {
      claim: 0,
      'empty claim': 0,
      complete: 0,
      transaction: 0,
      task: 0,
      housekeeping: 0,
    };
    for (const t of this.trips.slice(from)) out[t.kind]++;
    return out;
  }

  /** A pg Client class whose query() calls are logged here. */
  client(): typeof Client {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const log = this;
    return class CountingClient extends Client {
      constructor(config?: ConstructorParameters<typeof Client>[0]) {
        super(config);
        const query = this.query.bind(this) as (...args: unknown[]) => unknown;
        this.query = ((...args: unknown[]) => {
          const first = args[0];
          const text =
            typeof first === 'string' ? first : String((first as { text?: string }).text ?? '');
          const entry = { kind: kindOf(text), text };
          log.trips.push(entry);
          const out = query(...args);
          // A getJob that comes back empty is a claim that found nothing.
          if (entry.kind === 'claim' && out instanceof Promise)
            void out.then(
              (r: { rowCount?: number | null }) => {
                if (!r?.rowCount) entry.kind = 'empty claim';
              },
              () => undefined,
            );
          return out;
        }) as Client['query'];
      }
    };
  }
}

function kindOf(text: string): TripKind {
  const t = text.trim();
  if (/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(t)) return 'transaction';
  if (/set locked_at = null, locked_by = null, run_at = greatest/.test(t)) return 'housekeeping';
  if (/_private_jobs/.test(t) && /skip locked/i.test(t) && /locked_by = \$1/.test(t))
    return 'claim';
  // completeJob deletes the job; failJob sets its last_error and pushes run_at back.
  if (/^(with j as \(\s*)?(delete from|update) \S*_private_jobs/i.test(t)) return 'complete';
  return 'task';
}
