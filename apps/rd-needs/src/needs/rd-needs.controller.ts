import { profileController } from '#profiles';
import { CreateRdNeedDto, ListRdNeedsQuery, UpdateRdNeedDto } from './rd-need.dto.js';
import { RD_NEED_PROFILE } from './rd-need.profile.js';
import { RdNeedsRepository } from './rd-needs.repository.js';

/** `POST|GET /needs`, `GET|PUT|PATCH|DELETE /needs/:id`: a partner key sees its own source's needs only. */
export const RdNeedsController = profileController({
  name: 'RdNeedsController',
  path: 'needs',
  profile: RD_NEED_PROFILE,
  lister: RdNeedsRepository,
  createDto: CreateRdNeedDto,
  updateDto: UpdateRdNeedDto,
  listQuery: ListRdNeedsQuery,
});
