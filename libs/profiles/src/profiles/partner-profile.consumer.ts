import { Controller, Inject, type Type } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { CatalogTopic, EventEnvelope, EventTypeOf, ExternalRef } from '#contracts';
import { EventIntake, type EventHandlers, type KafkaBatchContext } from '#messaging';
import type { ProfileFields } from './profile.definition.js';
import type { ProfileEntity } from './profile.entity.js';
import { ProfileWriter } from './profile.writer.js';

/** The partner stream of one kind of profile: its topic, and its submission and withdrawal events. */
export interface PartnerProfileStream<T extends CatalogTopic> {
  /** The consumer's class name. */
  readonly name: string;
  /** The consumer's name in the inbox, metrics and dead letters (`companies.partner-ingest`). */
  readonly consumer: string;
  readonly topic: T;
  readonly submitted: EventTypeOf<T>;
  readonly withdrawn: EventTypeOf<T>;
}

type PartnerEvent<P> = EventEnvelope<string, P & { readonly externalRef: ExternalRef }>;

/**
 * Partner systems' profiles: validated like REST bodies (structural errors go to the dead-letter topic), upserted
 * by `(source, externalId)` so a resubmission updates the same record; unknown terms are kept as unmapped terms.
 * An event at or below the partner's version already applied for its external reference is stale and skipped.
 */
export const partnerProfileConsumer = <T extends CatalogTopic>(stream: PartnerProfileStream<T>): Type => {
  const { consumer, topic } = stream;

  @Controller()
  class PartnerProfileConsumer {
    constructor(
      @Inject(EventIntake) private readonly intake: EventIntake,
      @Inject(ProfileWriter) private readonly profiles: ProfileWriter<ProfileFields, ProfileEntity>,
    ) {}

    @EventPattern(topic)
    async onPartnerProfile(@Ctx() context: KafkaBatchContext): Promise<void> {
      const handlers = {
        [stream.submitted]: async (event: PartnerEvent<ProfileFields>, manager: EntityManager) => {
          if (await this.intake.isStalePartnerEvent(manager, consumer, event)) return;
          await this.profiles.submitFromPartner(manager, event.payload);
        },
        [stream.withdrawn]: async (event: PartnerEvent<object>, manager: EntityManager) => {
          if (await this.intake.isStalePartnerEvent(manager, consumer, event)) return;
          await this.profiles.withdrawFromPartner(manager, event.payload.externalRef);
        },
      } as unknown as EventHandlers<T>;
      await this.intake.handleBatch(consumer, topic, context.getBatch(), handlers);
    }
  }

  Object.defineProperty(PartnerProfileConsumer, 'name', { value: stream.name });
  return PartnerProfileConsumer;
};
