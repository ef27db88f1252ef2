import { AccountEntity } from '../accounts/account.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { ApiKeyAccountEntity, ApiKeyEntity } from '../keys/api-key.entity';
import { AllocationEntity } from '../ledger/allocation.entity';
import { ChargeEntity } from '../ledger/charge.entity';
import { CreditLotEntity } from '../ledger/credit-lot.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { RefundEntity } from '../ledger/refund.entity';
import { LicenseEntity } from '../licenses/license.entity';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { TicketEntity } from '../tickets/ticket.entity';

export const entities = [
  AccountEntity,
  LicenseEntity,
  CreditLotEntity,
  LedgerEntryEntity,
  TicketEntity,
  ChargeEntity,
  RefundEntity,
  AllocationEntity,
  OutboxMessageEntity,
  AuditEventEntity,
  ApiKeyEntity,
  ApiKeyAccountEntity,
];
