import { Module } from '@nestjs/common';
import { TaxonomyController } from './taxonomy.controller.js';
import { TaxonomyService } from './taxonomy.service.js';

/** `GET /taxonomy`, `GET /taxonomy/:name`, `POST /taxonomy/resolve`; import it into a service's app module. */
@Module({
  controllers: [TaxonomyController],
  providers: [TaxonomyService],
})
export class TaxonomyModule {}
