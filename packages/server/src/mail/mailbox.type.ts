import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('MailboxMessage', {
  simpleResolvers: true,
  description: 'An e-mail in the local mailbox (development: no SMTP_URL).',
})
export class MailboxMessageType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  to: string;

  @Field(() => String)
  subject: string;

  @Field(() => Date)
  date: Date;

  @Field(() => String)
  text: string;

  @Field(() => String)
  html: string;
}
