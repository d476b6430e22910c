import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { serviceDataSourceOptions, PlatformModule, TransactionOutcomes } from '#platform';
import { MessagingModule } from '#messaging';
import { MATCHING_SCHEMA, matchingDataSource } from './database/matching.data-source.js';
import { DecisionsController } from './shortlists/decisions.controller.js';
import { DecisionsRepository } from './decisions/decisions.repository.js';
import { DecisionsService } from './shortlists/decisions.service.js';
import { MATCHING_CONFIG, type MatchingConfig } from './matching.config.js';
import { ProfileEventsConsumer } from './profile-events/profile-events.consumer.js';
import { ProjectionsRepository } from './projections/projections.repository.js';
import { RematchCommandsConsumer } from './rematch/rematch-commands.consumer.js';
import { RematchController } from './rematch/rematch.controller.js';
import { RematchRepository } from './rematch/rematch.repository.js';
import { RematchRunner } from './rematch/rematch.runner.js';
import { RematchService } from './rematch/rematch.service.js';
import { CompanyMatchesController } from './shortlists/company-matches.controller.js';
import { PopulationCorpus } from './shortlists/population-corpus.js';
import { CompanyMatchesService } from './shortlists/company-matches.service.js';
import { MatchesController } from './shortlists/matches.controller.js';
import { MatchesService } from './shortlists/matches.service.js';
import { ShortlistMemory } from './shortlists/shortlist-memory.js';
import { ShortlistsRepository } from './shortlists/shortlists.repository.js';
import { ShortlistsService } from './shortlists/shortlists.service.js';
import { MatchesStreamController } from './stream/matches-stream.controller.js';
import { ResultsStreamService } from './stream/results-stream.service.js';

export const MATCHING_SERVICE = 'matching';

@Module({})
export class AppModule {
  static forConfig(config: MatchingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(serviceDataSourceOptions(matchingDataSource(config.databaseUrl))),
        PlatformModule.forService({ service: MATCHING_SERVICE, config }),
        MessagingModule.forService({ service: MATCHING_SERVICE, schema: MATCHING_SCHEMA, config }),
      ],
      controllers: [
        ProfileEventsConsumer,
        MatchesController,
        DecisionsController,
        RematchController,
        RematchCommandsConsumer,
        CompanyMatchesController,
        MatchesStreamController,
      ],
      providers: [
        { provide: MATCHING_CONFIG, useValue: config },
        ProjectionsRepository,
        ShortlistsRepository,
        ShortlistsService,
        MatchesService,
        DecisionsRepository,
        DecisionsService,
        RematchRepository,
        RematchRunner,
        RematchService,
        CompanyMatchesService,
        PopulationCorpus,
        ShortlistMemory,
        TransactionOutcomes,
        ResultsStreamService,
      ],
    };
  }
}
