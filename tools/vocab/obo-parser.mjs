/*
 * Minimal OBO 1.2 reader for the Human Disease Ontology subset files: [Term] stanzas only, the tags the vocabulary
 * needs. Terms that appear in several subset files are merged by id (union of synonyms, xrefs, parents, alt ids).
 */

const SYNONYM = /^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|NARROW|BROAD)\b/u;

function unescape(text) {
  return text.replace(/\\(.)/gu, '$1');
}

function withoutComment(value) {
  const bang = value.indexOf(' ! ');
  return (bang === -1 ? value : value.slice(0, bang)).trim();
}

/** Parses one OBO document into plain term records. */
export function parseObo(text) {
  const terms = [];
  let current;
  let inTerm = false;
  for (const rawLine of text.split(/\r?\n/u)) {
    const line = rawLine.trim();
    if (line.startsWith('[')) {
      inTerm = line === '[Term]';
      current = inTerm
        ? { id: '', name: '', synonyms: [], xrefs: [], parents: [], altIds: [], obsolete: false }
        : undefined;
      if (current !== undefined) terms.push(current);
      continue;
    }
    if (!inTerm || current === undefined || line === '') continue;
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const tag = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    switch (tag) {
      case 'id':
        current.id = value;
        break;
      case 'name':
        current.name = unescape(value);
        break;
      case 'synonym': {
        const match = SYNONYM.exec(value);
        if (match !== null) current.synonyms.push({ text: unescape(match[1]), scope: match[2] });
        break;
      }
      case 'xref':
        current.xrefs.push(withoutComment(value).split(/\s/u)[0]);
        break;
      case 'is_a':
        current.parents.push(withoutComment(value).split(/\s/u)[0]);
        break;
      case 'alt_id':
        current.altIds.push(value);
        break;
      case 'is_obsolete':
        current.obsolete = value === 'true';
        break;
      default:
        break;
    }
  }
  return terms.filter((term) => term.id !== '');
}

function union(a, b, key = (x) => x) {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((item) => !seen.has(key(item)))];
}

/** Parses and merges several OBO documents; the result is keyed by id and sorted for determinism. */
export function mergeObo(texts) {
  const merged = new Map();
  for (const text of texts) {
    for (const term of parseObo(text)) {
      const known = merged.get(term.id);
      if (known === undefined) {
        merged.set(term.id, term);
        continue;
      }
      merged.set(term.id, {
        id: term.id,
        name: known.name || term.name,
        synonyms: union(known.synonyms, term.synonyms, (s) => `${s.scope}\u0000${s.text}`),
        xrefs: union(known.xrefs, term.xrefs),
        parents: union(known.parents, term.parents),
        altIds: union(known.altIds, term.altIds),
        obsolete: known.obsolete || term.obsolete,
      });
    }
  }
  return new Map([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
