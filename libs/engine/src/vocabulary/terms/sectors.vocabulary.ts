import type { Vocabulary } from '../vocabulary.types.js';

export const SECTORS: Vocabulary = {
  name: 'sectors',
  version: '2026.11.1',
  hierarchical: false,
  ordered: false,
  terms: [
    {
      id: 'therapeutics',
      label: 'Therapeutics',
      labelZh: '治疗药物',
      synonyms: ['drugs', 'medicines', 'pharmaceuticals', 'biopharma', 'drug development', '创新药', '药物'],
    },
    {
      id: 'medical-devices',
      label: 'Medical devices',
      labelZh: '医疗器械',
      synonyms: ['devices', 'medtech', 'medical technology', '器械'],
    },
    {
      id: 'diagnostics',
      label: 'Diagnostics',
      labelZh: '诊断',
      synonyms: ['IVD', 'in vitro diagnostics', 'precision diagnostics', 'diagnostics and testing', '体外诊断'],
    },
    {
      id: 'digital-health',
      label: 'Digital health',
      labelZh: '数字健康',
      synonyms: [
        'digital',
        'health IT',
        'healthtech',
        'AI in healthcare',
        'e-health',
        'mHealth',
        '数字医疗',
        '智慧医疗',
        '互联网医疗',
      ],
    },
    {
      id: 'services',
      label: 'Services',
      labelZh: '研发服务',
      synonyms: [
        'R&D services',
        'CRO services',
        'CDMO services',
        'contract research',
        'outsourcing',
        '外包服务',
        '服务',
      ],
    },
    {
      id: 'research-tools',
      label: 'Research tools',
      labelZh: '科研工具',
      synonyms: ['life science tools', 'research reagents', 'lab instruments', '生命科学工具', '科研试剂'],
    },
  ],
};
