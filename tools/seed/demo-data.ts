import companyGroups from './demo-companies.json' with { type: 'json' };
import needs from './demo-needs.json' with { type: 'json' };
import type { DemoCompany, DemoNeed } from './demo-data.types.js';

/**
 * Fictional organisations around the park, in groups: members of the UK BioIndustry Association, BioVentureHub
 * companies in Gothenburg, Skolkovo residents, and Wuxi and other Chinese biotechs, CROs, CDMOs, hospitals and
 * institutes. Names and websites are invented (.example domains); any resemblance to a real company is unintended.
 */
export const DEMO_COMPANIES: readonly DemoCompany[] = companyGroups.flatMap(
  (group) => group.companies as DemoCompany[],
);

/**
 * Fictional R&D needs in AstraZeneca's therapy areas. Each one is written against a handful of demo companies that
 * should rank near the top, a few that are relevant but miss a must-have, and many that share no therapeutic area at
 * all, so a demo shows the ranking doing real work.
 */
export const DEMO_NEEDS: readonly DemoNeed[] = needs as DemoNeed[];
