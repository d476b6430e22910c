import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One consumed event per consumer; its primary key is what makes consumers idempotent. */
@Entity({ name: 'inbox' })
@Index('inbox_processed_at_idx', ['processedAt'])
export class InboxEntryEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
