import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { aCompany, fixtureVocabulary } from '../scoring/engine-vocabulary.fixture.js';
import { companyProfile } from '../scoring/profile-arbitraries.fixture.js';
import { compileCompanies } from './company-compiler.js';
import type { CompanyBuffers } from './packed-profiles.js';
import { RemainingCompanies } from './remaining-companies.js';
import { termSpaceOf } from './term-space.js';

const vocab = fixtureVocabulary();
const space = termSpaceOf(vocab);

/** What the kernel ORs together for a company: the bits of every term it holds. */
function bitsOf(buffers: CompanyBuffers, table: Int32Array, company: number): number {
  let bits = 0;
  for (let t = buffers.bounds[3 * company]!; t < buffers.bounds[3 * company + 3]!; t++) {
    bits |= table[buffers.terms[t]!]!;
  }
  return bits;
}

function tableOf(bitsByTerm: Readonly<Record<string, number>>): Int32Array {
  const table = new Int32Array(space.size);
  for (const [term, bits] of Object.entries(bitsByTerm)) table[space.numberOf('capabilities', term)!] = bits;
  return table;
}

describe('RemainingCompanies', () => {
  const companies = compileCompanies(
    [
      aCompany({ id: 'a', capabilities: ['imaging'] }),
      aCompany({ id: 'b', capabilities: ['imaging', 'clinical-operations'] }),
      aCompany({ id: 'c', capabilities: ['clinical-operations'] }),
      aCompany({ id: 'd', capabilities: ['imaging'] }),
    ],
    vocab,
  ).buffers;

  it('leaves every company not yet visited when no bit is required', () => {
    const remaining = new RemainingCompanies(companies.count);

    expect([...remaining.select(companies, tableOf({}), 0, Uint32Array.of(1))]).toEqual([0, 2, 3]);
  });

  it('leaves only the holders of the required bit, once each', () => {
    const remaining = new RemainingCompanies(companies.count);
    const table = tableOf({ imaging: 1, 'clinical-operations': 1 });

    expect([...remaining.select(companies, table, 1, new Uint32Array(0))].sort()).toEqual([0, 1, 2, 3]);
  });

  it('narrows by the required bit with the fewest holders', () => {
    const remaining = new RemainingCompanies(companies.count);
    const table = tableOf({ imaging: 1, 'clinical-operations': 2 });

    expect([...remaining.select(companies, tableOf({ imaging: 1 }), 1 | 2, new Uint32Array(0))]).toEqual([]);
    expect([...remaining.select(companies, table, 1 | 2, Uint32Array.of(0))].sort()).toEqual([1, 2]);
  });

  it('never leaves out a company that holds every required bit', () => {
    fc.assert(
      fc.property(
        fc.array(companyProfile(), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: space.size, maxLength: space.size }),
        fc.integer({ min: 0, max: 15 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (profiles, bits, required, picks) => {
          const buffers = compileCompanies(profiles, vocab).buffers;
          const table = Int32Array.from(bits);
          const visited = Uint32Array.from(new Set(picks.map((pick) => pick % Math.max(1, buffers.count))));
          const left = [...new RemainingCompanies(buffers.count).select(buffers, table, required, visited)];

          expect(new Set(left).size).toBe(left.length);
          for (let company = 0; company < buffers.count; company++) {
            const holdsEveryBit = (bitsOf(buffers, table, company) & required) === required;
            if (visited.includes(company)) expect(left).not.toContain(company);
            else if (holdsEveryBit) expect(left).toContain(company);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
