import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Permission } from '../common/viewer';
import { Role } from '../policy/enums';

@ObjectType('ApiKey', { simpleResolvers: true })
export class ApiKeyType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { description: 'The start of the secret, to recognise the key.' })
  prefix: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a request last used the key; recorded at most once a minute.',
  })
  lastUsedAt: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class ApiKeyCreated {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field(() => String, { description: 'Shown once; only a hash is stored.' })
  secret: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [ID], { nullable: true })
  accountIds?: string[] | null;
}

@InputType()
export class UpdateApiKeyScopeInput {
  @Field(() => ID)
  id: string;

  @Field(() => [ID], { description: 'The whole new scope; replaces the old one.' })
  accountIds: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The caller, as its API key identifies it.' })
export class Viewer {
  @Field(() => Role)
  role: Role;

  @Field(() => String)
  keyName: string;

  @Field(() => [ID], {
    description:
      'PARTNER keys: the accounts in scope; CUSTOMER (a portal link): its one account. Empty for other roles, which see every account.',
  })
  accountIds: string[];

  @Field(() => [Permission], {
    description:
      'What this key may do; the dashboard shows only these actions. PARTNER keys hold them for the accounts in scope only.',
  })
  permissions: readonly Permission[];
}
