import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProfileRow } from './versioned-profile.service.js';

/** The columns every stored profile has (identity, version, partner reference, unmapped terms, timestamps). */
export abstract class ProfileColumns implements ProfileRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'external_source', type: 'text', nullable: true })
  externalSource!: string | null;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ name: 'unmapped_terms', type: 'text', array: true })
  unmappedTerms!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
