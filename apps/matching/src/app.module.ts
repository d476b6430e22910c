import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, serviceDataSourceOptions } from '#common';
import { MATCHING_SCHEMA, matchingDataSource } from './database/matching.data-source.js';
import { MATCHING_CONFIG, type MatchingConfig } from './matching.config.js';
import { ProjectionsConsumer } from './projections/projections.consumer.js';
import { ProjectionsRepository } from './projections/projections.repository.js';
import { MatchesController } from './shortlists/matches.controller.js';
import { MatchesService } from './shortlists/matches.service.js';
import { ShortlistsRepository } from './shortlists/shortlists.repository.js';
import { ShortlistsService } from './shortlists/shortlists.service.js';

export const MATCHING_SERVICE = 'matching';

@Module({})
export class AppModule {
  static forConfig(config: MatchingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(serviceDataSourceOptions(matchingDataSource(config.databaseUrl))),
        MessagingModule.forService({ service: MATCHING_SERVICE, schema: MATCHING_SCHEMA, config }),
      ],
      controllers: [ProjectionsConsumer, MatchesController],
      providers: [
        { provide: MATCHING_CONFIG, useValue: config },
        ProjectionsRepository,
        ShortlistsRepository,
        ShortlistsService,
        MatchesService,
      ],
    };
  }
}
