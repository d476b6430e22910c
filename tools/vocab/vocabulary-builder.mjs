/*
 * Pure part of `npm run vocab:build`: turns the Human Disease Ontology and the curated inputs into the JSON
 * vocabularies the engine ships (libs/engine/data/). No I/O here, so a spec can rebuild in memory and check that
 * the shipped files are up to date. Decisions (ids, aliases, primary parents, areas) are described in README.md.
 */
import { looseTokens, normaliseTerm, normaliseTokens } from '../../libs/engine/src/vocabulary/term-normalisation.ts';
import { mergeObo } from './obo-parser.mjs';

export const DOID_RELEASE = '2026-07-31';
const GENERATED_BY = 'tools/vocab/build-vocabulary.mjs (npm run vocab:build)';

/** Cross-references kept on ontology terms; the rest (SNOMED, UMLS, ICD-9, …) are dropped to keep the file small. */
const KEPT_XREF_PREFIXES = ['MESH', 'NCI', 'ICD10CM', 'ORDO', 'OMIM', 'GARD'];

/** Name priority when two terms claim the same folded name: lower wins, equal priorities drop the name from both. */
const CURATED = 0;
const ONTOLOGY_LABEL = 1;
const ONTOLOGY_SYNONYM = 2;
const ONTOLOGY_RELATED = 3;

const compareIds = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function doidNumber(id) {
  return Number(id.slice('DOID:'.length));
}

function byDoid(a, b) {
  return doidNumber(a) - doidNumber(b) || compareIds(a, b);
}

/**
 * EXACT synonyms name the concept; RELATED ones ("depression" for depressive disorder) usually do too, and are shipped
 * apart for the engine to trust less. NARROW and BROAD name another concept and are not used.
 */
function synonymPriority(synonym) {
  if (synonym.scope === 'EXACT') return ONTOLOGY_SYNONYM;
  return synonym.scope === 'RELATED' ? ONTOLOGY_RELATED : undefined;
}

/** Folded key used to detect two terms sharing a name; the same fold the vocabulary spec checks. */
function nameKey(name) {
  return normaliseTerm(name).replaceAll(' ', '');
}

/**
 * The curated top level of each curated term. A curated term finer than anything in DOID may have a DOID concept as
 * its parent ("stroke" under DOID:6713 cerebrovascular disease); its area is then that concept's (`areaOfDoid`).
 */
function curatedTops(curatedTerms, areaOfDoid) {
  const byId = new Map(curatedTerms.map((term) => [term.id, term]));
  return (id) => {
    let term = byId.get(id);
    while (term?.parent !== undefined) {
      if (!byId.has(term.parent)) return areaOfDoid(term.parent);
      term = byId.get(term.parent);
    }
    return term?.id;
  };
}

/**
 * The DOID concept a curated term without a `doid` stands for, when the ontology says it is the same concept: one
 * unclaimed concept whose label or EXACT synonym is the curated label ("Dyslipidaemia" is an EXACT synonym of
 * DOID:3146 lipid metabolism disorder), or else the one unclaimed concept that carries one of the curated xrefs.
 * Failing both, the one concept under the curated parent's concept named by the curated label qualified by words of
 * the parent's own names: under "Brain tumours" (DOID:1319 brain cancer), "Glioma" is DOID:0060108 brain glioma.
 * Several candidates mean the ontology splits what the curator lumped: no equivalent then.
 */
function equivalentConcepts(ontology, curatedTerms, claimed) {
  const byName = new Map();
  const byXref = new Map();
  const add = (map, key, id) => map.set(key, [...new Set([...(map.get(key) ?? []), id])]);
  for (const term of ontology.values()) {
    if (claimed.has(term.id)) continue;
    for (const name of [term.name, ...term.synonyms.filter((s) => s.scope === 'EXACT').map((s) => s.text)])
      add(byName, nameKey(name), term.id);
    for (const xref of term.xrefs) add(byXref, xref.toUpperCase(), term.id);
  }
  const sole = (ids) => (ids?.length === 1 ? ids[0] : undefined);
  const curatedById = new Map(curatedTerms.map((term) => [term.id, term]));
  const qualifiedByParent = (term) => {
    const parent = curatedById.get(term.parent);
    if (parent?.doid === undefined) return undefined;
    const parentWords = new Set([parent.label, ...parent.synonyms].flatMap((name) => normaliseTerm(name).split(' ')));
    const label = normaliseTerm(term.label);
    const matches = [...ontology.values()].filter((concept) => {
      if (claimed.has(concept.id) || !concept.parents.includes(parent.doid)) return false;
      const name = normaliseTerm(concept.name);
      if (!name.endsWith(` ${label}`)) return false;
      return name
        .slice(0, -label.length - 1)
        .split(' ')
        .every((word) => parentWords.has(word));
    });
    return sole(matches.map((concept) => concept.id));
  };
  const found = new Map();
  for (const term of curatedTerms) {
    if (term.doid !== undefined) continue;
    const byLabel = sole(byName.get(nameKey(term.label)));
    const xrefIds = [...new Set((term.xrefs ?? []).flatMap((xref) => byXref.get(xref.toUpperCase()) ?? []))];
    const doid = byLabel ?? sole(xrefIds) ?? qualifiedByParent(term);
    if (doid !== undefined) found.set(term.id, doid);
  }
  // Two curated terms meeting one concept is no equivalence for either.
  const counts = new Map();
  for (const doid of found.values()) counts.set(doid, (counts.get(doid) ?? 0) + 1);
  return new Map([...found].filter(([, doid]) => counts.get(doid) === 1).map(([id, doid]) => [doid, id]));
}

/**
 * Terms published without any is_a in the subset files get the term named by the longest proper word-suffix of their
 * own name ("nickel allergic asthma" → "allergic asthma", "autoimmune uveitis" → "uveitis"), when one exists.
 */
function inferParents(ontology, excluded) {
  const byName = new Map();
  for (const term of ontology.values()) {
    for (const name of [term.name, ...term.synonyms.filter((s) => s.scope === 'EXACT').map((s) => s.text)]) {
      const key = normaliseTerm(name);
      if (!byName.has(key)) byName.set(key, term.id);
    }
  }
  const inferred = new Map();
  // A synonym can name a descendant ("X deficiency" whose child is "X disease"); such a parent would close a cycle.
  const reaches = (from, target) => {
    const stack = [from];
    const seen = new Set();
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === target) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...ontology.get(id).parents);
      if (inferred.has(id)) stack.push(inferred.get(id));
    }
    return false;
  };
  for (const term of ontology.values()) {
    if (term.parents.length > 0 || excluded.has(term.id)) continue;
    const words = normaliseTerm(term.name).split(' ');
    for (let start = 1; start < words.length; start += 1) {
      const id = byName.get(words.slice(start).join(' '));
      if (id !== undefined && !reaches(id, term.id)) {
        inferred.set(term.id, id);
        break;
      }
    }
  }
  return inferred;
}

/** The engine's loose key: head nouns (cancer, carcinoma, neoplasm, tumour) and organ adjectives merged. */
function looseKey(name) {
  return looseTokens(normaliseTokens(name)).join(' ');
}

/**
 * DOID concepts the engine cannot tell apart from a curated term: their name has the loose key of the curated term's
 * label or of one of its synonyms ("renal carcinoma" and "kidney cancer", "lung carcinoma" and the curated synonym
 * "lung carcinoma"). They become aliases of the curated term, so one string never has two equally good answers.
 */
function absorbedConcepts(ontology, curatedTerms, curatedOf) {
  const curatedByKey = new Map();
  const curatedNames = new Set(curatedTerms.flatMap((term) => [term.label, ...term.synonyms].map(nameKey)));
  for (const term of curatedTerms) {
    for (const name of [term.label, ...term.synonyms]) {
      const key = looseKey(name);
      if (key === '') continue;
      const owner = curatedByKey.get(key);
      curatedByKey.set(key, owner === undefined || owner === term.id ? term.id : null);
    }
  }
  const absorbed = new Map();
  for (const term of ontology.values()) {
    if (curatedOf.has(term.id)) continue;
    const key = looseKey(term.name);
    // One word ("carcinoma") is a kind of cancer, not the curated "cancer": only organ-qualified names meet, unless
    // a curator wrote that very name as a synonym.
    if (!key.includes(' ') && !curatedNames.has(nameKey(term.name))) continue;
    const owner = curatedByKey.get(key);
    if (owner !== undefined && owner !== null) absorbed.set(term.id, owner);
  }
  return absorbed;
}

// Words that narrow a patient population without naming another disease (as in the engine's disease qualifiers).
const POPULATION_PREFIX =
  /^(relapsed\/refractory|relapsed or refractory|relapsed|refractory|recurrent|metastatic|advanced|adult|childhood|pediatric|paediatric) (.+)$/iu;

/**
 * DOID concepts that are a parent plus a population qualifier ("relapsed/refractory diffuse large B-cell lymphoma",
 * "childhood osteosarcoma"): the engine strips those qualifiers from what partners write, so the concept becomes an
 * alias of its parent rather than a sibling no input could reach on its own.
 */
function qualifierVariants(ontology, curatedOf) {
  const variants = new Map();
  for (const term of ontology.values()) {
    if (curatedOf.has(term.id)) continue;
    const match = POPULATION_PREFIX.exec(term.name);
    if (match === null) continue;
    const rest = looseKey(match[2]);
    const parent = term.parents.find((id) => looseKey(ontology.get(id).name) === rest);
    if (parent !== undefined) variants.set(term.id, parent);
  }
  return variants;
}

/**
 * Builds the therapeutic-areas vocabulary.
 * - A curated term that names a DOID concept keeps its curated id; the DOID id (and the DOID alt_ids) become aliases.
 * - Every other live DOID concept is a term whose id is its DOID id.
 * - Its single parent is chosen among its is_a parents (mapped through curated equivalents): first the parent whose
 *   area comes first in `areaPrecedence` (so a cancer of an organ stays under oncology, not under the organ's area),
 *   then the deepest, then the lowest id.
 */
export function buildTherapeuticAreas(oboTexts, curated) {
  const ontology = new Map([...mergeObo(oboTexts)].filter(([, term]) => !term.obsolete));
  const curatedTerms = curated.terms;
  const curatedIds = new Set(curatedTerms.map((term) => term.id));
  const curatedOf = new Map(curatedTerms.filter((t) => t.doid !== undefined).map((t) => [t.doid, t.id]));
  for (const doid of curatedOf.keys()) if (!ontology.has(doid)) throw new Error(`Curated DOID ${doid} is not in DOID`);
  for (const term of curatedTerms) {
    if (term.parent !== undefined && !curatedIds.has(term.parent) && !ontology.has(term.parent))
      throw new Error(`Parent ${term.parent} of curated ${term.id} is neither curated nor in DOID`);
  }
  for (const [doid, id] of equivalentConcepts(ontology, curatedTerms, curatedOf)) curatedOf.set(doid, id);
  // A curated synonym that is the name of another DOID concept ("lung carcinoma" under lung-cancer) was a curator's
  // decision that the two are one term for matching: that concept becomes an alias of the curated term too.
  const absorbedInto = absorbedConcepts(ontology, curatedTerms, curatedOf);
  for (const [doid, id] of absorbedInto) curatedOf.set(doid, id);
  const attachedTo = new Map(curated.attachments.map((a) => [a.doid, a.parent]));
  const precedence = new Map(curated.areaPrecedence.map((area, index) => [area, index]));
  const inferred = inferParents(ontology, new Set([...curatedOf.keys(), ...attachedTo.keys()]));
  const variantOf = qualifierVariants(ontology, curatedOf);
  const finalId = (doid) => {
    let id = doid;
    while (variantOf.has(id)) id = variantOf.get(id);
    return curatedOf.get(id) ?? id;
  };
  const mergedInto = new Map();
  for (const doid of [...ontology.keys()].sort(byDoid)) {
    const id = finalId(doid);
    if (id !== doid) mergedInto.set(id, [...(mergedInto.get(id) ?? []), doid]);
  }
  const parentsOf = (doid) => (inferred.has(doid) ? [inferred.get(doid)] : ontology.get(doid).parents);

  const depthMemo = new Map();
  const depth = (doid) => {
    if (!depthMemo.has(doid)) {
      depthMemo.set(doid, 0);
      depthMemo.set(doid, Math.max(0, ...parentsOf(doid).map((parent) => depth(parent) + 1)));
    }
    return depthMemo.get(doid);
  };
  const rankOf = (area) => (area === undefined ? Number.MAX_SAFE_INTEGER : precedence.get(area));
  const areaMemo = new Map();
  const area = (doid) => {
    if (areaMemo.has(doid)) return areaMemo.get(doid);
    areaMemo.set(doid, undefined);
    let result;
    if (curatedOf.has(doid)) result = topOf(curatedOf.get(doid));
    else if (variantOf.has(doid)) result = area(variantOf.get(doid));
    else if (attachedTo.has(doid)) result = topOf(attachedTo.get(doid));
    else {
      for (const parent of parentsOf(doid)) {
        const candidate = area(parent);
        if (rankOf(candidate) < rankOf(result)) result = candidate;
      }
    }
    areaMemo.set(doid, result);
    return result;
  };
  const topOf = curatedTops(curatedTerms, area);
  const primaryParent = (doid) => {
    if (attachedTo.has(doid)) return attachedTo.get(doid);
    const ranked = [...parentsOf(doid)].sort(
      (a, b) => rankOf(area(a)) - rankOf(area(b)) || depth(b) - depth(a) || byDoid(a, b),
    );
    const [best] = ranked;
    return best === undefined ? undefined : finalId(best);
  };

  const xrefsOf = (term) =>
    term.xrefs.filter((xref) => KEPT_XREF_PREFIXES.includes(xref.split(':')[0])).sort(compareIds);

  // Candidate names per term with their priority; collisions are settled below.
  const drafts = [];
  for (const term of curatedTerms) {
    const concepts = (mergedInto.get(term.id) ?? []).map((doid) => ontology.get(doid));
    const names = [term.id, term.label, term.labelZh, ...term.synonyms].map((text) => ({ text, priority: CURATED }));
    // A curator may reject an ontology synonym that names something else ("insulin resistance" for type 2 diabetes).
    const rejected = new Set((term.rejectedSynonyms ?? []).map(nameKey));
    for (const doid of concepts) {
      names.push({ text: doid.name, priority: ONTOLOGY_LABEL });
      for (const s of doid.synonyms) {
        if (!rejected.has(nameKey(s.text))) names.push({ text: s.text, priority: synonymPriority(s) });
      }
    }
    drafts.push({
      id: term.id,
      label: term.label,
      labelZh: term.labelZh,
      parent: term.parent === undefined || curatedIds.has(term.parent) ? term.parent : finalId(term.parent),
      aliases: concepts.flatMap((doid) => [doid.id, ...doid.altIds]).sort(byDoid),
      xrefs: [...(term.xrefs ?? [])],
      curatedSynonyms: term.synonyms,
      names,
    });
  }
  for (const doid of [...ontology.keys()].sort(byDoid)) {
    if (finalId(doid) !== doid) continue;
    const term = ontology.get(doid);
    const variants = (mergedInto.get(doid) ?? []).map((id) => ontology.get(id));
    const names = [
      { text: term.name, priority: ONTOLOGY_LABEL },
      ...[term, ...variants].flatMap((concept) =>
        concept.synonyms.map((s) => ({ text: s.text, priority: synonymPriority(s) })),
      ),
      ...variants.map((variant) => ({ text: variant.name, priority: ONTOLOGY_SYNONYM })),
    ];
    drafts.push({
      id: doid,
      label: term.name,
      labelZh: '',
      parent: primaryParent(doid),
      aliases: [...term.altIds, ...variants.flatMap((variant) => [variant.id, ...variant.altIds])].sort(byDoid),
      xrefs: xrefsOf(term),
      curatedSynonyms: [],
      names,
    });
  }

  // A folded name belongs to the term that claims it at the best priority; a tie between terms drops it from all.
  const claims = new Map();
  for (const draft of drafts) {
    for (const name of draft.names) {
      const key = nameKey(name.text);
      if (key === '' || name.priority === undefined) continue;
      const claim = claims.get(key);
      if (claim === undefined || name.priority < claim.priority)
        claims.set(key, { priority: name.priority, ids: new Set([draft.id]) });
      else if (name.priority === claim.priority) claim.ids.add(draft.id);
    }
  }
  const owns = (draft, text) => {
    const claim = claims.get(nameKey(text));
    return claim !== undefined && claim.ids.size === 1 && claim.ids.has(draft.id);
  };

  // An alt_id the ontology gives to two terms, or that is still a live id, names neither.
  const aliasCount = new Map();
  for (const draft of drafts)
    for (const alias of draft.aliases) aliasCount.set(alias, (aliasCount.get(alias) ?? 0) + 1);
  const liveIds = new Set(drafts.map((draft) => draft.id));
  const soleAlias = (alias) => aliasCount.get(alias) === 1 && !liveIds.has(alias);

  const terms = drafts.map((draft) => {
    const aliases = draft.aliases.filter(soleAlias);
    const taken = new Set([nameKey(draft.id), nameKey(draft.label), nameKey(draft.labelZh)]);
    const synonyms = [...draft.curatedSynonyms];
    for (const synonym of synonyms) taken.add(nameKey(synonym));
    const extra = [];
    const related = [];
    for (const { text, priority } of draft.names) {
      const key = nameKey(text);
      if (key === '' || priority === undefined || taken.has(key) || !owns(draft, text)) continue;
      taken.add(key);
      (priority === ONTOLOGY_RELATED ? related : extra).push(text);
    }
    extra.sort(compareIds);
    related.sort(compareIds);
    return {
      id: draft.id,
      label: draft.label,
      labelZh: draft.labelZh,
      synonyms: [...synonyms, ...extra],
      ...(related.length === 0 ? {} : { relatedSynonyms: related }),
      ...(draft.parent === undefined ? {} : { parent: draft.parent }),
      ...(aliases.length === 0 ? {} : { aliases }),
      ...(draft.xrefs.length === 0 ? {} : { xrefs: draft.xrefs }),
    };
  });

  return {
    source: {
      description:
        'Therapeutic areas and diseases: curated AstraZeneca-style top levels (tools/vocab/curated-areas.json) over the Human Disease Ontology, with common conditions by ICD-10 chapter (tools/vocab/curated-common-conditions.json) under their nearest ontology class.',
      ontology: `Human Disease Ontology (DOID), release ${DOID_RELEASE}, subset files in tools/vocab/sources/disease-ontology`,
      licence: 'DOID: CC0 1.0 Universal',
      generatedBy: GENERATED_BY,
    },
    name: 'therapeuticAreas',
    version: curated.version,
    hierarchical: true,
    ordered: false,
    terms,
  };
}

/** Normalises the hand-curated targets: sorted by id with each gene's variants right after it. */
export function buildTargets(curated) {
  const terms = [...curated.terms].map((term) => ({
    id: term.id,
    label: term.label,
    labelZh: term.labelZh ?? '',
    synonyms: [...(term.synonyms ?? [])],
    ...(term.parent === undefined ? {} : { parent: term.parent }),
    ...(term.xrefs === undefined ? {} : { xrefs: [...term.xrefs] }),
  }));
  const rootOf = (term) => term.parent ?? term.id;
  terms.sort(
    (a, b) =>
      compareIds(rootOf(a), rootOf(b)) ||
      Number(a.parent !== undefined) - Number(b.parent !== undefined) ||
      compareIds(a.id, b.id),
  );
  return {
    source: {
      description: 'Molecular targets and biomarkers R&D needs name; gene ids are HGNC symbols, variants are children.',
      curatedFrom: 'tools/vocab/curated-targets.json',
      licence: 'Hand-curated for Parkmatch; gene symbols from HGNC (free to use)',
      generatedBy: GENERATED_BY,
    },
    name: 'targets',
    version: curated.version,
    hierarchical: true,
    ordered: false,
    terms,
  };
}

/**
 * The curated areas with the common conditions (curated-common-conditions.json, by ICD-10 chapter) appended to their
 * terms. Each common condition is finer than DOID: it has a `parent` (a DOID id, a curated id or another common
 * condition) and no `doid`, and its id is new.
 */
export function withCommonConditions(curatedAreas, commonConditions) {
  if (commonConditions === undefined) return curatedAreas;
  const ids = new Set(curatedAreas.terms.map((term) => term.id));
  const terms = commonConditions.chapters.flatMap((chapter) => chapter.terms);
  for (const term of terms) {
    if (ids.has(term.id)) throw new Error(`Common condition ${term.id} is already a curated term`);
    if (term.parent === undefined) throw new Error(`Common condition ${term.id} has no parent`);
    if (term.doid !== undefined) throw new Error(`Common condition ${term.id} names a DOID concept; curate it instead`);
    ids.add(term.id);
  }
  return { ...curatedAreas, terms: [...curatedAreas.terms, ...terms] };
}

/** Everything `npm run vocab:build` writes, keyed by file name under libs/engine/data/. */
export function buildVocabulary({ oboTexts, curatedAreas, curatedCommonConditions, curatedTargets }) {
  return {
    'therapeutic-areas.json': buildTherapeuticAreas(
      oboTexts,
      withCommonConditions(curatedAreas, curatedCommonConditions),
    ),
    'targets.json': buildTargets(curatedTargets),
  };
}
