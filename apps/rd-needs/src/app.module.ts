import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { serviceDataSourceOptions, type ServiceConfig, PlatformModule } from '#platform';
import { MessagingModule } from '#messaging';
import { profileWriterProvider, TaxonomyModule } from '#profiles';
import { RD_NEEDS_SCHEMA, rdNeedsDataSource } from './database/rd-needs.data-source.js';
import { RdNeedsController } from './needs/rd-needs.controller.js';
import { PartnerRdNeedsConsumer } from './partner-ingest/partner-rd-needs.consumer.js';
import { RdNeedsRepository } from './needs/rd-needs.repository.js';
import { RdNeedsService } from './needs/rd-needs.service.js';
import { RD_NEED_PROFILE } from './needs/rd-need.profile.js';

export const RD_NEEDS_SERVICE = 'rd-needs';

@Module({})
export class AppModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(serviceDataSourceOptions(rdNeedsDataSource(config.databaseUrl))),
        PlatformModule.forService({ service: RD_NEEDS_SERVICE, config }),
        MessagingModule.forService({ service: RD_NEEDS_SERVICE, schema: RD_NEEDS_SCHEMA, config }),
        TaxonomyModule,
      ],
      controllers: [RdNeedsController, PartnerRdNeedsConsumer],
      providers: [RdNeedsRepository, RdNeedsService, profileWriterProvider(RD_NEED_PROFILE, RdNeedsRepository)],
    };
  }
}
