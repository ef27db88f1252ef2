import { registerEnumType } from 'type-graphql';
import {
  Edition,
  HostingPlan,
  LedgerEntryKind,
  LotSource,
  Role,
  SupportLevel,
  TicketCategory,
  TicketStatus,
} from '../policy/enums';

export enum ChargeGrouping {
  DAY = 'DAY',
  MONTH = 'MONTH',
  CATEGORY = 'CATEGORY',
  EDITION = 'EDITION',
  ACCOUNT = 'ACCOUNT',
}

export enum StatementKind {
  CHARGE = 'CHARGE',
  REFUND = 'REFUND',
}

registerEnumType(Edition, { name: 'Edition' });
registerEnumType(HostingPlan, { name: 'HostingPlan' });
registerEnumType(SupportLevel, { name: 'SupportLevel' });
registerEnumType(TicketCategory, { name: 'TicketCategory' });
registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(LotSource, { name: 'LotSource' });
registerEnumType(LedgerEntryKind, { name: 'LedgerEntryKind' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(ChargeGrouping, { name: 'ChargeGrouping' });
registerEnumType(StatementKind, { name: 'StatementKind' });
