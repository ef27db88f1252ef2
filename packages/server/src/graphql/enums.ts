import { registerEnumType } from 'type-graphql';
import { ErrorCode } from '../common/errors';
import { Permission } from '../common/viewer';
import {
  Edition,
  HostingPlan,
  LedgerEntryKind,
  LotSource,
  Role,
  SupportLevel,
  TicketCategory,
  TicketStatus,
  ChargeGrouping,
  StatementKind,
} from '../policy/enums';

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
registerEnumType(Permission, { name: 'Permission', description: 'What an API key may do.' });
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: "The closed set of codes in an error's `extensions.code`.",
});
