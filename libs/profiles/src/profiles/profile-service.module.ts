import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule, serviceDataSourceOptions, type ServiceConfig, type ServiceDataSourceSpec } from '#platform';
import { MessagingModule, type ServiceRunOptions } from '#messaging';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import type { ProfileDefinition, ProfileFields } from './profile.definition.js';
import type { ProfileEntity } from './profile.entity.js';
import type { ProfileRepository } from './profile.repository.js';
import { profileWriterProvider } from './profile.writer.js';

/**
 * A service that owns one kind of profile (companies, R&D needs): its REST routes and partner intake write through
 * one ProfileWriter into its own schema, which publishes the profile's events through the outbox; it also serves the
 * taxonomy API. It joins the consumer group named like the service.
 */
export interface ProfileService<F extends ProfileFields, Row extends ProfileEntity> {
  readonly service: string;
  readonly database: (url: string) => ServiceDataSourceSpec;
  readonly profile: ProfileDefinition<F, Row>;
  readonly repository: Type<ProfileRepository<Row>>;
  /** Its REST controller (`profileController`) and partner consumer (`partnerProfileConsumer`). */
  readonly controllers: readonly Type[];
}

@Module({})
export class ProfileServiceModule {
  static forService<F extends ProfileFields, Row extends ProfileEntity>(
    definition: ProfileService<F, Row>,
    config: ServiceConfig,
  ): DynamicModule {
    const { service, repository } = definition;
    const database = definition.database(config.databaseUrl);
    return {
      module: ProfileServiceModule,
      imports: [
        TypeOrmModule.forRoot(serviceDataSourceOptions(database)),
        PlatformModule.forService({ service, config }),
        MessagingModule.forService({ service, schema: database.schema, config }),
        TaxonomyModule,
      ],
      controllers: [...definition.controllers],
      providers: [repository, profileWriterProvider(definition.profile, repository)],
    };
  }
}

/** What `runService` needs to run a profile service with `config`. */
export const profileServiceRun = <F extends ProfileFields, Row extends ProfileEntity>(
  definition: ProfileService<F, Row>,
  config: ServiceConfig,
): ServiceRunOptions => ({
  service: definition.service,
  module: ProfileServiceModule.forService(definition, config),
  config,
  database: definition.database(config.databaseUrl),
  consumerGroup: definition.service,
});
