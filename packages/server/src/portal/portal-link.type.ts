import { Field, ObjectType } from 'type-graphql';

@ObjectType('PortalLink', {
  simpleResolvers: true,
  description:
    "A link to the customer's read-only page of one account. The URL holds the token: it is shown once, only its hash is stored.",
})
export class PortalLinkType {
  @Field(() => String, { description: 'PUBLIC_URL/portal/<token>.' })
  url: string;

  @Field(() => Date, {
    description: 'The link stops working then (PORTAL_LINK_DAYS after it was made).',
  })
  expiresAt: Date;
}
