import type { AuthChecker } from 'type-graphql';
import { Role } from '../policy/enums';
import type { RequestContext } from './context';
import { forbidden } from '../common/errors';
import { describePermissions } from '../common/viewer';

/** Role rules live on each root field as @Authorized(rolesWith(...)); this applies them. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context, info }, roles) => {
  const { role } = context.viewer;
  if (roles.includes(role)) return true;
  const who = role === Role.CUSTOMER ? 'A customer portal link' : `A ${role} key`;
  throw forbidden(`${who} may not use ${info.fieldName}: it may ${describePermissions(role)}.`);
};
