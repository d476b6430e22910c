import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

/**
 * A list of vocabulary terms as a profile table stores it: `text[]`, in the column named as the property in snake_case
 * (`therapeuticAreas` in `therapeutic_areas`). A list added after its table gets a `default` for the rows before it.
 */
export const TermListColumn =
  (options: Pick<ColumnOptions, 'default'> = {}): PropertyDecorator =>
  (target, property) => {
    const name = String(property).replace(/[A-Z]/gu, (capital) => `_${capital.toLowerCase()}`);
    Column({ name, type: 'text', array: true, ...options })(target, property);
  };

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

  @TermListColumn()
  unmappedTerms!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
