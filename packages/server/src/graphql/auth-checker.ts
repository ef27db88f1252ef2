import type { AuthChecker } from 'type-graphql';
import type { Role } from '../policy/enums';
import type { RequestContext } from './context';
import { forbidden } from '../common/errors';

const WHAT_ROLES_DO: Record<Role, string> = {
  ADMIN: 'administrators may do everything',
  SPECIALIST: 'specialists may do everything except manage API keys',
  PARTNER:
    'partner keys may read, create accounts, issue licenses, buy credits and open tickets for their own accounts',
  ANALYST: 'analyst keys may only read',
};

/** Role rules live on each root field as @Authorized(roles); this applies them. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context, info }, roles) => {
  if (roles.includes(context.viewer.role)) return true;
  throw forbidden(
    `A ${context.viewer.role} key may not use ${info.fieldName}: ${WHAT_ROLES_DO[context.viewer.role]}.`,
  );
};
