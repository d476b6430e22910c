import { Column, Entity, Index } from 'typeorm';
import { ProfileEntity } from '#profiles';
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

  @Column({ type: 'text', array: true })
  sectors!: string[];

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'therapeutic_areas', type: 'text', array: true })
  therapeuticAreas!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targets!: string[];

  /** Every list of an asset present, resolved to ids (see `toStoredAsset`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  assets!: Asset[];

  @Column({ type: 'text', array: true })
  modalities!: string[];

  @Column({ name: 'development_stages', type: 'text', array: true })
  developmentStages!: string[];

  @Column({ type: 'text', array: true })
  capabilities!: string[];

  @Column({ name: 'collaboration_types', type: 'text', array: true })
  collaborationTypes!: string[];

  @Column({ type: 'text', array: true })
  seeking!: string[];

  @Column({ name: 'partner_networks', type: 'text', array: true })
  partnerNetworks!: string[];

  @Column({ name: 'china_presence', type: 'boolean' })
  chinaPresence!: boolean;

  @Column({ name: 'wuxi_co_location', type: 'text' })
  wuxiCoLocation!: WuxiCoLocation;

  @Column({ type: 'text', nullable: true })
  website!: string | null;
}
