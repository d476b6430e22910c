import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The newest `entityVersion` a consumer has applied per entity, for producers whose keys are not our ids (partner
 * systems, keyed by external reference). Kept after the entity is withdrawn, so a late older version stays stale.
 */
@Entity({ name: 'inbox_version' })
export class InboxVersionEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'entity_key', type: 'text' })
  entityKey!: string;

  @Column({ type: 'int' })
  version!: number;
}
