import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('MailDelivery', {
  simpleResolvers: true,
  description: 'How statement e-mails are going out (the Operations page).',
})
export class MailDeliveryType {
  @Field(() => Int, { description: 'Statements waiting for a retry.' })
  retryingStatements: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The SMTP server's answer when retries are due to the gateway's own settings (bad credentials, TLS): fix SMTP_URL.",
  })
  configurationFault: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the oldest statement now held up by that fault was written.',
  })
  faultSince: Date | null;
}
