import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, serviceDataSourceOptions, TaxonomyModule, type ServiceConfig } from '#common';
import { CompaniesController } from './companies/companies.controller.js';
import { CompaniesRepository } from './companies/companies.repository.js';
import { CompaniesService } from './companies/companies.service.js';
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
        MessagingModule.forService({ service: COMPANIES_SERVICE, schema: COMPANIES_SCHEMA, config }),
        TaxonomyModule,
      ],
      controllers: [CompaniesController, PartnerCompaniesConsumer],
      providers: [CompaniesRepository, CompaniesService],
    };
  }
}
