import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Principal, Roles, type ApiPrincipal } from '#platform';
import { ListRematchJobsQuery, RequestRematchDto, type RematchJobView } from './rematch.dto.js';
import { RematchService } from './rematch.service.js';

@Roles('admin')
@Controller('admin/rematch')
export class RematchController {
  constructor(private readonly rematch: RematchService) {}

  /** 202 with the job; an identical request while one is queued or running answers that job; an unknown id is a 404. */
  @Post()
  @HttpCode(202)
  async request(
    @Body() body: RequestRematchDto,
    @Principal() principal: ApiPrincipal,
  ): Promise<{ jobId: string; status: string; job: RematchJobView }> {
    const { job } = await this.rematch.requestKnown({ ...body, requestedBy: `${principal.role}:${principal.keyId}` });
    return { jobId: job.id, status: job.status, job };
  }

  @Get()
  async recent(@Query() query: ListRematchJobsQuery): Promise<{ items: RematchJobView[] }> {
    return { items: await this.rematch.recent(query.limit) };
  }

  @Get(':jobId')
  get(@Param('jobId', ParseUUIDPipe) jobId: string): Promise<RematchJobView> {
    return this.rematch.get(jobId);
  }

  @Post(':jobId/cancel')
  @HttpCode(202)
  cancel(@Param('jobId', ParseUUIDPipe) jobId: string): Promise<RematchJobView> {
    return this.rematch.cancel(jobId);
  }
}
