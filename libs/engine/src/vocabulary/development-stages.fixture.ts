/** The drug development stages of the shipped vocabulary, in development order (ranks 1 to 9). */
export const DRUG_STAGES: readonly string[] = [
  'discovery',
  'lead-optimisation',
  'preclinical',
  'ind-enabling',
  'phase-1',
  'phase-2',
  'phase-3',
  'regulatory-submission',
  'marketed',
];
