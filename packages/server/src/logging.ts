import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

/** Readable lines for a person at a terminal; JSON lines for machines (files, shippers, production). */
export function wantsPrettyLogs(isTTY: boolean | undefined, nodeEnv: string | undefined): boolean {
  return isTTY === true && nodeEnv !== 'production';
}

export function createLogger(
  config: Pick<Config, 'logLevel' | 'nodeEnv'>,
  isTTY: boolean | undefined = process.stdout.isTTY,
): Logger {
  if (!wantsPrettyLogs(isTTY, config.nodeEnv)) return pino({ level: config.logLevel });
  // In-process and synchronous (no worker thread): lines keep their order with
  // the start banner, and nothing is lost when the process exits.
  return pino(
    { level: config.logLevel },
    pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }),
  );
}
