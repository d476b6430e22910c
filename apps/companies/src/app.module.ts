import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { serviceDataSourceOptions, type ServiceConfig, PlatformModule } from '#platform';
import { MessagingModule } from '#messaging';
import { profileWriterProvider, TaxonomyModule } from '#profiles';
import { CompaniesController } from './companies/companies.controller.js';
import { CompaniesRepository } from './companies/companies.repository.js';
import { CompaniesService } from './companies/companies.service.js';
import { COMPANY_PROFILE } from './companies/company.profile.js';
import { COMPANIES_SCHEMA, companiesDataSource } from './database/companies.data-source.js';
import { PartnerCompaniesConsumer } from './partner-ingest/partner-companies.consumer.js';

export const COMPANIES_SERVICE = 'companies';

@Module({})
export class AppModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(serviceDataSourceOptions(companiesDataSource(config.databaseUrl))),
        PlatformModule.forService({ service: COMPANIES_SERVICE, config }),
        MessagingModule.forService({ service: COMPANIES_SERVICE, schema: COMPANIES_SCHEMA, config }),
        TaxonomyModule,
      ],
      controllers: [CompaniesController, PartnerCompaniesConsumer],
      providers: [CompaniesRepository, CompaniesService, profileWriterProvider(COMPANY_PROFILE, CompaniesRepository)],
    };
  }
}
