import type { CompanyBuffers } from './packed-profiles.js';

const BITS = 32;

/**
 * The companies a need still has to visit after the likeliest ones. Once its top k is full, a company lacking
 * some bit of word 0 (a must-have capability, one of the need's sectors) may be unable to beat the k-th key
 * whatever else it holds. Each such bit is required on its own, so the companies left are the holders of the terms
 * that set any one of them: the kernel takes the bit with the fewest holders and still checks every other bit
 * per company. Without a required bit every company not yet visited is left.
 */
export class RemainingCompanies {
  private readonly order: Uint32Array;
  private readonly marks: Int32Array;
  private readonly holderCounts = new Float64Array(BITS);
  private mark = 0;

  constructor(count: number) {
    this.order = new Uint32Array(Math.max(1, count));
    this.marks = new Int32Array(Math.max(1, count));
  }

  /**
   * `required`: bits of word 0 (`table[term]`) each of which a company must have to matter; `visited`: the
   * companies already ranked. The result is valid until the next call.
   */
  select(companies: CompanyBuffers, table: Int32Array, required: number, visited: Uint32Array): Uint32Array {
    const { bounds, companies: holders } = companies.holders;
    const termCount = bounds.length - 1;
    const { order, marks } = this;
    const mark = ++this.mark;
    for (let i = 0; i < visited.length; i++) marks[visited[i]!] = mark;
    const bit = this.rarestBit(bounds, table, required, companies.count - visited.length);
    let size = 0;
    if (bit === 0) {
      for (let company = 0; company < companies.count; company++) {
        if (marks[company] !== mark) order[size++] = company;
      }
      return order.subarray(0, size);
    }
    // Holders are marked first and gathered in population order, which reads the company arrays front to back.
    const held = ++this.mark;
    for (let term = 0; term < termCount; term++) {
      if ((table[term]! & bit) === 0) continue;
      for (let h = bounds[term]!, end = bounds[term + 1]!; h < end; h++) {
        const company = holders[h]!;
        if (marks[company] === mark) continue;
        marks[company] = held;
      }
    }
    for (let company = 0; company < companies.count; company++) {
      if (marks[company] === held) order[size++] = company;
    }
    return order.subarray(0, size);
  }

  /** The required bit whose terms have the fewest holders, if they are fewer than `unvisited`; else 0. */
  private rarestBit(bounds: Uint32Array, table: Int32Array, required: number, unvisited: number): number {
    if (required === 0) return 0;
    const counts = this.holderCounts;
    counts.fill(0);
    for (let term = 0, termCount = bounds.length - 1; term < termCount; term++) {
      const bits = table[term]! & required;
      if (bits === 0) continue;
      const held = bounds[term + 1]! - bounds[term]!;
      for (let rest = bits; rest !== 0; rest &= rest - 1) counts[31 - Math.clz32(rest & -rest)]! += held;
    }
    let best = 0;
    let fewest = unvisited;
    for (let index = 0; index < BITS; index++) {
      if ((required & (1 << index)) !== 0 && counts[index]! < fewest) {
        best = 1 << index;
        fewest = counts[index]!;
      }
    }
    return best;
  }
}
