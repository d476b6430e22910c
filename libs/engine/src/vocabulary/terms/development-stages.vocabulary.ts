import data from '../../../data/development-stages.json' with { type: 'json' };
import type { Vocabulary } from '../vocabulary.types.js';

/*
 * Two ordered scales that share ranks 1–9. Drug stages run discovery (1) to marketed (9). Devices, diagnostics and
 * digital products use Technology Readiness Levels, and TRL n has rank n, which lines the scales up roughly as:
 *
 *   rank  drug stage             TRL
 *   1     discovery              TRL 1  basic principles observed
 *   2     lead optimisation      TRL 2  technology concept formulated
 *   3     preclinical            TRL 3  experimental proof of concept
 *   4     IND-enabling           TRL 4  validated in the lab
 *   5     phase 1                TRL 5  validated in a relevant environment
 *   6     phase 2                TRL 6  demonstrated in a relevant environment (first clinical use)
 *   7     phase 3                TRL 7  prototype demonstrated in the operational environment
 *   8     regulatory submission  TRL 8  system complete and qualified (submitted for clearance)
 *   9     marketed               TRL 9  proven in operational use
 *
 * Comparisons within one scale are exact; across scales the rank is an approximation of maturity, good enough to tell
 * an early device from a late one when a need names drug stages.
 */
export const DEVELOPMENT_STAGES: Vocabulary = data as Vocabulary;
