import { Pool } from 'pg';
import { createFloor } from './floor-app';

// The floor as its own process (run.ts starts it like the gateway, with the
// same pool size): PORT, DATABASE_URL, DB_POOL_SIZE.

const port = Number(process.env.PORT ?? 0);
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 20),
  application_name: 'credits-bench-floor',
  options: '-c TimeZone=UTC',
});
const server = createFloor(pool);

server.listen(port, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`floor listening on ${typeof addr === 'object' && addr ? addr.port : port}`);
});

const stop = () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
