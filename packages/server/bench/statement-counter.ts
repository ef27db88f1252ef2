import net from 'node:net';

// Counts the SQL statements a server sends, whatever its driver: a TCP proxy
// in front of Postgres that reads the frontend side of the wire protocol and
// counts each simple Query ('Q') and each Execute ('E') of the extended
// protocol, keeping the statement's text (from the Parse its portal was
// bound from) for a readable breakdown. It needs nothing from the server
// (pg_stat_statements is not loaded on every Postgres) and sees a prepared
// statement's every execution, which a logger on the Node side may not.
// Only the counting phase goes through it: the timed runs connect directly.

export interface StatementCounter {
  /** The proxy's port on 127.0.0.1: the server's DATABASE_URL points here. */
  port: number;
  /** Statements executed since the start. */
  count: number;
  /** Their texts, oldest first (cleared by take()). */
  take: () => string[];
  close: () => Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export async function startStatementCounter(upstream: {
  host: string;
  port: number;
}): Promise<StatementCounter> {
  let texts: string[] = [];
  const sockets = new Set<net.Socket>();
  const counter: StatementCounter = {
    port: 0,
    count: 0,
    take: () => {
      const out = texts;
      texts = [];
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const record = (text: string) => {
    counter.count += 1;
    texts.push(text);
  };

  const server = net.createServer((client) => {
    const db = net.connect(upstream.port, upstream.host);
    sockets.add(client).add(db);
    const end = () => {
      client.destroy();
      db.destroy();
      sockets.delete(client);
      sockets.delete(db);
    };
    client.on('error', end).on('close', end);
    db.on('error', end).on('close', end);
    db.pipe(client);

    const statements = new Map<string, string>(); // prepared statement name -> text
    const portals = new Map<string, string>(); // portal name -> text
    let started = false; // past the startup message (and any SSL/GSS request)
    let pending: Buffer = Buffer.alloc(0);
    const cstring = (buf: Buffer, at: number): [string, number] => {
      const end0 = buf.indexOf(0, at);
      return [buf.toString('utf8', at, end0), end0 + 1];
    };
    const parse = () => {
      for (;;) {
        if (!started) {
          if (pending.length < 8) return;
          const len = pending.readInt32BE(0);
          if (pending.length < len) return;
          const code = pending.readInt32BE(4);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) started = true;
          pending = pending.subarray(len);
          continue;
        }
        if (pending.length < 5) return;
        const len = pending.readInt32BE(1);
        if (pending.length < 1 + len) return;
        const type = String.fromCharCode(pending[0]!);
        const body = pending.subarray(5, 1 + len);
        pending = pending.subarray(1 + len);
        if (type === 'Q') record(cstring(body, 0)[0]);
        else if (type === 'P') {
          const [name, at] = cstring(body, 0);
          statements.set(name, cstring(body, at)[0]);
        } else if (type === 'B') {
          const [portal, at] = cstring(body, 0);
          portals.set(portal, statements.get(cstring(body, at)[0]) ?? '?');
        } else if (type === 'E') record(portals.get(cstring(body, 0)[0]) ?? '?');
      }
    };
    client.on('data', (chunk: Buffer) => {
      db.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      parse();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  counter.port = typeof addr === 'object' && addr ? addr.port : 0;
  return counter;
}

/** A statement in a few words: its verb and table ("SELECT credit_lots FOR UPDATE"). */
export function shortForm(sql: string): string {
  const q = sql.replace(/\s+/g, ' ').trim();
  const table = /\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?/i.exec(q)?.[1];
  const verb = q.split(' ')[0]!.toUpperCase();
  return table && verb !== 'WITH'
    ? `${verb} ${table}${/FOR UPDATE/i.test(q) ? ' FOR UPDATE' : ''}`
    : verb;
}
