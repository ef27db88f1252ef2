import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ExpiryRun', { simpleResolvers: true, description: 'One scheduled expiry run (P19).' })
export class ExpiryRunType {
  @Field(() => ID)
  id: string;

  @Field(() => Date, { description: 'The instant the run expired lots as of.' })
  ranAt: Date;

  @Field(() => Int, { description: 'Lots whose expiry it recorded.' })
  lots: number;

  @Field(() => Int, { description: 'Credits those lots still held.' })
  credits: number;
}

@ObjectType('ExpirySchedule', { simpleResolvers: true })
export class ExpiryScheduleType {
  @Field(() => String, { description: 'The cron pattern (UTC), EXPIRY_SCHEDULE.' })
  schedule: string;

  @Field(() => ExpiryRunType, { nullable: true })
  lastRun: ExpiryRunType | null;

  @Field(() => Date, { nullable: true })
  nextRunAt: Date | null;
}

@ObjectType('ReconciliationMismatch', { simpleResolvers: true })
export class ReconciliationMismatchType {
  @Field(() => String, { description: 'The invariant that does not hold.' })
  check: string;

  @Field(() => [ID], { description: 'The rows that break it (at most 100).' })
  ids: string[];
}

@ObjectType('ReconciliationReport', {
  simpleResolvers: true,
  description: 'One run of the nightly check that the books add up.',
})
export class ReconciliationReportType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  ranAt: Date;

  @Field(() => Date, {
    description: 'The previous midnight (UTC) the ledger was also checked as of.',
  })
  midnight: Date;

  @Field(() => Int)
  accountsChecked: number;

  @Field(() => Int)
  lotsChecked: number;

  @Field(() => Boolean, { description: 'True when every invariant holds.' })
  ok: boolean;

  @Field(() => [ReconciliationMismatchType])
  mismatches: ReconciliationMismatchType[];
}
