import { Column, Entity, Index } from 'typeorm';
import { ProfileEntity } from '#profiles';
import type { NeedPriority, NeedStatus } from '#contracts';

@Entity({ name: 'need' })
@Index('need_external_ref_uq', ['externalSource', 'externalId'], { unique: true, where: 'external_source IS NOT NULL' })
export class RdNeedEntity extends ProfileEntity {
  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  owner!: string;

  @Column({ name: 'therapeutic_areas', type: 'text', array: true })
  therapeuticAreas!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targets!: string[];

  @Column({ type: 'text', array: true })
  modalities!: string[];

  @Column({ type: 'text', array: true })
  stages!: string[];

  @Column({ type: 'text', array: true })
  sectors!: string[];

  @Column({ name: 'must_have', type: 'text', array: true })
  mustHave!: string[];

  @Column({ name: 'nice_to_have', type: 'text', array: true })
  niceToHave!: string[];

  @Column({ name: 'collaboration_types', type: 'text', array: true })
  collaborationTypes!: string[];

  @Column({ type: 'text', array: true })
  offering!: string[];

  @Column({ name: 'prefer_china_presence', type: 'boolean' })
  preferChinaPresence!: boolean;

  @Column({ name: 'prefer_wuxi_co_location', type: 'boolean' })
  preferWuxiCoLocation!: boolean;

  @Column({ name: 'preferred_partner_networks', type: 'text', array: true })
  preferredPartnerNetworks!: string[];

  @Column({ type: 'text' })
  priority!: NeedPriority;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'text' })
  status!: NeedStatus;

  @Column({ type: 'jsonb', nullable: true })
  weights!: Record<string, number> | null;
}
