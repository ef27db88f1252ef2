import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { ApiKeyAccountEntity } from '../keys/api-key.entity';
import { AllocationEntity } from '../ledger/allocation.entity';
import { balancesAsOf } from '../ledger/balance';
import { inScopeSql } from '../db/read-rules';
import { ChargeEntity } from '../ledger/charge.entity';
import { CreditLotEntity } from '../ledger/credit-lot.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { RefundEntity } from '../ledger/refund.entity';
import { LicenseEntity } from '../licenses/license.entity';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { STATEMENT_TOPIC } from '../outbox/statements';
import type { TicketStatus } from '../policy/enums';
import { TicketEntity } from '../tickets/ticket.entity';
import { manyBy, oneBy, perArgs } from './loader-kit';
import { pagedChildren } from './paged-children';
import type { Connection, Page } from '../common/pagination';
import type { Viewer } from '../common/viewer';

const emptyConnection = <T>(): Connection<T> => ({
  nodes: [],
  totalCount: 0,
  pageInfo: { hasNextPage: false, endCursor: null },
});

/** Every relation the schema resolves, batched; created fresh per request. */
export function createLoaders(ds: DataSource, viewer: Viewer) {
  return {
    account: oneBy(ds, AccountEntity, 'id'),
    license: oneBy(ds, LicenseEntity, 'id'),
    licensesByAccount: manyBy(ds, LicenseEntity, 'accountId', 't.id'),
    lot: oneBy(ds, CreditLotEntity, 'id'),
    // An account's lots serve its lots, its balance, its expiring credits and
    // its licenses' grant lots: one statement for all four.
    lotsByAccount: manyBy(ds, CreditLotEntity, 'accountId', 't.expires_at NULLS LAST, t.id'),
    ticket: oneBy(ds, TicketEntity, 'id'),
    charge: oneBy(ds, ChargeEntity, 'id'),
    chargeByTicket: oneBy(ds, ChargeEntity, 'ticketId'),
    refund: oneBy(ds, RefundEntity, 'id'),
    refundByCharge: oneBy(ds, RefundEntity, 'chargeId'),
    refundByTicket: oneBy(ds, RefundEntity, 'ticketId'),
    allocationsByCharge: manyBy(ds, AllocationEntity, 'chargeId', 't.id'),
    allocationsByRefund: manyBy(ds, AllocationEntity, 'refundId', 't.id'),
    balanceAsOf: perArgs<string, number>(
      (ids, iso) => balancesAsOf(ds, ids, new Date(iso)),
      () => 0,
    ),
    ticketsByAccount: perArgs<
      { page: Page; status: TicketStatus | null },
      Connection<TicketEntity>
    >(
      (ids, { page, status }) =>
        pagedChildren(ds, { entity: TicketEntity, parent: 'accountId' }, ids, page, (p) =>
          status ? { sql: `t.status = $${p}`, params: [status] } : { sql: 'TRUE', params: [] },
        ),
      emptyConnection,
    ),
    chargesByAccount: perArgs<Page, Connection<ChargeEntity>>(
      (ids, page) => pagedChildren(ds, { entity: ChargeEntity, parent: 'accountId' }, ids, page),
      emptyConnection,
    ),
    ledgerByAccount: perArgs<Page, Connection<LedgerEntryEntity>>(
      (ids, page) =>
        pagedChildren(ds, { entity: LedgerEntryEntity, parent: 'accountId' }, ids, page),
      emptyConnection,
    ),
    statementsByAccount: perArgs<Page, Connection<OutboxMessageEntity>>(
      (ids, page) =>
        pagedChildren(ds, { entity: OutboxMessageEntity, parent: 'accountId' }, ids, page, (p) => ({
          sql: `t.topic = $${p}`,
          params: [STATEMENT_TOPIC],
        })),
      emptyConnection,
    ),
    keyAccounts: manyBy(ds, ApiKeyAccountEntity, 'apiKeyId', 't.account_id'),
    /** Whether a PARTNER key may see an account; true for every other role. */
    inScope: new DataLoader<string, boolean>(async (accountIds) => {
      if (!viewer.keyId) return accountIds.map(() => false);
      const rows = await ds.query<{ accountId: string }[]>(
        `SELECT a AS "accountId" FROM unnest($2::uuid[]) a WHERE ${inScopeSql('$1', 'a')}`,
        [viewer.keyId, accountIds],
      );
      const found = new Set(rows.map((r) => r.accountId));
      return accountIds.map((id) => found.has(id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
