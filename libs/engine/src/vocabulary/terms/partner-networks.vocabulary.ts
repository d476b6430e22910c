import type { Vocabulary } from '../vocabulary.types.js';

/** Networks through which organisations reach the park; Russian names are synonyms because Skolkovo exports send them. */
export const PARTNER_NETWORKS: Vocabulary = {
  name: 'partnerNetworks',
  version: '2026.11.1',
  hierarchical: false,
  ordered: false,
  terms: [
    {
      id: 'uk-bioindustry-association',
      label: 'UK BioIndustry Association',
      labelZh: '英国生物产业协会',
      synonyms: ['BIA', 'UK BIA', 'BioIndustry Association'],
    },
    {
      id: 'bioventurehub',
      label: 'BioVentureHub',
      labelZh: 'BioVentureHub生物创新中心',
      synonyms: ['BVH', 'BioVenture Hub', 'AstraZeneca BioVentureHub', 'BioVentureHub Gothenburg'],
    },
    {
      id: 'skolkovo-foundation',
      label: 'Skolkovo Foundation',
      labelZh: '斯科尔科沃基金会',
      synonyms: ['Skolkovo', 'Skolkovo Innovation Centre', 'Skolkovo Biomed Cluster', 'Фонд «Сколково»', 'Сколково'],
    },
    {
      id: 'wuxi-high-tech-district',
      label: 'Wuxi High-tech District',
      labelZh: '无锡高新区',
      synonyms: [
        'Wuxi National High-tech Zone',
        'Wuxi New District',
        'Wuxi Hi-tech District',
        'Wuxi Hi-tech Zone',
        'WND',
        'Xinwu District',
        '无锡国家高新技术产业开发区',
        '新吴区',
      ],
    },
    {
      id: 'astrazeneca-wuxi-icampus',
      label: 'AstraZeneca Wuxi International Life Science Innovation Park',
      labelZh: '阿斯利康无锡国际生命科学创新园',
      synonyms: [
        'iCampus',
        'Wuxi iCampus',
        'International Life Science Innovation Park',
        'International Life Science Innovation Campus',
        'ILSIP',
        '无锡国际生命科学创新园',
      ],
    },
    {
      id: 'astrazeneca-open-innovation',
      label: 'AstraZeneca Open Innovation',
      labelZh: '阿斯利康开放式创新',
      synonyms: ['AZ Open Innovation', 'Open Innovation programme'],
    },
  ],
};
