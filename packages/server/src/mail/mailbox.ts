import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  date: Date;
  text: string;
  html: string;
}

/** The newest messages of the local mailbox folder (an embedded start without SMTP_URL). */
export async function readMailbox(dir: string, first: number): Promise<MailboxMessage[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.eml'));
  } catch {
    return [];
  }
  const stats = await Promise.all(
    names.map(async (n) => ({ n, mtime: (await fs.stat(path.join(dir, n))).mtimeMs })),
  );
  stats.sort((a, b) => b.mtime - a.mtime);
  return Promise.all(
    stats.slice(0, first).map(async ({ n, mtime }) => {
      const parsed = await simpleParser(await fs.readFile(path.join(dir, n)));
      const to = Array.isArray(parsed.to)
        ? parsed.to.map((a) => a.text).join(', ')
        : parsed.to?.text;
      return {
        id: n.replace(/\.eml$/, ''),
        to: to ?? '',
        subject: parsed.subject ?? '',
        date: parsed.date ?? new Date(mtime),
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
      };
    }),
  );
}
