import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { TOPICS } from '#contracts';
import { EventIntake, type KafkaBatchContext } from '#messaging';
import { ShortlistsService } from '../shortlists/shortlists.service.js';
import { ProjectionsRepository } from '../projections/projections.repository.js';

export const PROJECTIONS_CONSUMER = 'matching.projections';

/**
 * Applies company and need state events to matching's projections and rescoring, once each (inbox),
 * ignoring versions at or below what is stored.
 */
@Controller()
export class ProfileEventsConsumer {
  private readonly logger = new Logger(ProfileEventsConsumer.name);
  constructor(
    private readonly intake: EventIntake,
    private readonly projections: ProjectionsRepository,
    private readonly shortlists: ShortlistsService,
  ) {}

  @EventPattern(TOPICS.companyProfiles)
  async onCompanyProfileEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.intake.handleBatch(PROJECTIONS_CONSUMER, TOPICS.companyProfiles, context.getBatch(), {
      CompanyProfileUpserted: async (event, manager) => {
        if (!(await this.projections.upsertCompany(manager, event.payload))) return this.stale(event.key);
        await this.shortlists.rescoreCompany(manager, event.payload, event);
      },
      CompanyProfileDeleted: async (event, manager) => {
        if (!(await this.projections.removeCompany(manager, event.payload.id, event.payload.version))) {
          return this.stale(event.key);
        }
        await this.shortlists.removeCompany(manager, event.payload.id, event);
      },
    });
  }

  @EventPattern(TOPICS.rdNeeds)
  async onRdNeedEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.intake.handleBatch(PROJECTIONS_CONSUMER, TOPICS.rdNeeds, context.getBatch(), {
      RdNeedUpserted: async (event, manager) => {
        if (!(await this.projections.upsertNeed(manager, event.payload))) return this.stale(event.key);
        if (event.payload.status === 'open') await this.shortlists.rescoreNeed(manager, event.payload, event);
        else await this.shortlists.clearNeed(manager, event.payload.id, event);
      },
      RdNeedClosed: async (event, manager) => {
        if (!(await this.projections.closeNeed(manager, event.payload.id, event.payload.version))) {
          return this.stale(event.key);
        }
        await this.shortlists.clearNeed(manager, event.payload.id, event);
      },
    });
  }

  private stale(key: string): void {
    this.intake.recordStale(PROJECTIONS_CONSUMER);
    this.logger.debug(`stale event for ${key} ignored`);
  }
}
