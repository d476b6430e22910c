import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { metricsRegistry } from './metrics.js';

@ApiTags('Operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  /** Prometheus text format; scrape with a dashboard key (`authorization: { credentials: <key> }`). */
  @Get()
  @Roles('admin', 'dashboard')
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'Prometheus metrics', content: { 'text/plain': {} } })
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
