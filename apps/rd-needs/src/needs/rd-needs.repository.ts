import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProfileRepository } from '#profiles';
import { RdNeedEntity } from './rd-need.entity.js';
import type { ListRdNeedsQuery } from './rd-need.dto.js';

@Injectable()
export class RdNeedsRepository extends ProfileRepository<RdNeedEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, RdNeedEntity);
  }

  list(query: ListRdNeedsQuery): Promise<[RdNeedEntity[], number]> {
    const builder = this.listQuery('need', query);
    if (query.status) builder.andWhere('need.status = :status', { status: query.status });
    if (query.priority) builder.andWhere('need.priority = :priority', { priority: query.priority });
    if (query.therapeuticArea) builder.andWhere(':ta = ANY(need.therapeutic_areas)', { ta: query.therapeuticArea });
    return this.page(builder, query, 'need.created_at', 'DESC');
  }
}
