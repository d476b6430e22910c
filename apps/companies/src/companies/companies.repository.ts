import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProfileRepository } from '#profiles';
import { CompanyEntity } from './company.entity.js';
import type { ListCompaniesQuery } from './company.dto.js';

const escapeLike = (text: string): string => text.replace(/[%_\\]/g, '\\$&');

@Injectable()
export class CompaniesRepository extends ProfileRepository<CompanyEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, CompanyEntity);
  }

  list(query: ListCompaniesQuery): Promise<[CompanyEntity[], number]> {
    const builder = this.listQuery('company', query);
    if (query.country) builder.andWhere('company.country = :country', { country: query.country.toUpperCase() });
    if (query.sector) builder.andWhere(':sector = ANY(company.sectors)', { sector: query.sector });
    if (query.wuxiCoLocation) builder.andWhere('company.wuxi_co_location = :w', { w: query.wuxiCoLocation });
    if (query.q) builder.andWhere('company.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    return this.page(builder, query, 'company.name', 'ASC');
  }
}
