import { RdNeedFields } from './rd-need.shape.js';
import { withStoredFields } from './stored-entity.shape.js';

/** `RdNeedUpserted` on `rd-needs.needs.v1`: the whole need, vocabulary fields as ids. */
export class RdNeedUpsertedV1 extends withStoredFields(RdNeedFields) {}
