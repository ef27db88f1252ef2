import { Authorized, Query, Resolver } from 'type-graphql';
import { ErrorCode } from '../common/errors';
import { Permission, rolesWith } from '../common/viewer';

@Resolver()
export class ErrorCodesResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => [ErrorCode], {
    description:
      "Every code an error's `extensions.code` may carry; the README and docs/partners.md say what each means and whether to retry.",
  })
  errorCodes(): ErrorCode[] {
    return Object.values(ErrorCode);
  }
}
