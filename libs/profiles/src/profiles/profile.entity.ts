import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The stored row every profile (a company, an R&D need) starts from: identity, version, partner reference, unmapped
 * terms, timestamps. An app's entity adds one column per field of its profile definition.
 */
export abstract class ProfileEntity {
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
