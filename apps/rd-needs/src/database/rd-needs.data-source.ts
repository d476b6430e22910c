import { profileDataSource } from '#profiles';
import { RdNeedEntity } from '../needs/rd-need.entity.js';
import { CreateRdNeeds1764028800000 } from './migrations/1764028800000-CreateRdNeeds.js';
import { AddNeedTargets1764500000000 } from './migrations/1764500000000-AddNeedTargets.js';

export const rdNeedsDataSource = profileDataSource('rd_needs', RdNeedEntity, [
  CreateRdNeeds1764028800000,
  AddNeedTargets1764500000000,
]);
