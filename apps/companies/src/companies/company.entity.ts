import { Column, Entity, Index } from 'typeorm';
import { ProfileEntity, TermListColumn } from '#profiles';
import type { Asset, WuxiCoLocation } from '#contracts';

@Entity({ name: 'company' })
@Index('company_external_ref_uq', ['externalSource', 'externalId'], {
  unique: true,
  where: 'external_source IS NOT NULL',
})
export class CompanyEntity extends ProfileEntity {
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'organisation_type', type: 'text' })
  organisationType!: string;

  @TermListColumn()
  sectors!: string[];

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  description!: string;

  @TermListColumn()
  therapeuticAreas!: string[];

  @TermListColumn({ default: () => "'{}'" })
  targets!: string[];

  /** Every list of an asset present, resolved to ids (see `toStoredAsset`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  assets!: Asset[];

  @TermListColumn()
  modalities!: string[];

  @TermListColumn()
  developmentStages!: string[];

  @TermListColumn()
  capabilities!: string[];

  @TermListColumn()
  collaborationTypes!: string[];

  @TermListColumn()
  seeking!: string[];

  @TermListColumn()
  partnerNetworks!: string[];

  @Column({ name: 'china_presence', type: 'boolean' })
  chinaPresence!: boolean;

  @Column({ name: 'wuxi_co_location', type: 'text' })
  wuxiCoLocation!: WuxiCoLocation;

  @Column({ type: 'text', nullable: true })
  website!: string | null;
}
