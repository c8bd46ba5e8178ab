import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyRepair, brokenEquations, findRepairs, rankRepairs, type Repair } from '../../src/rules/arithmetic/repair';
import type { DocumentModel } from '../../src/docmodel';
import { statedValues } from '../../src/rules/arithmetic/stated-values';
import { templateTable, type TemplateTable } from '../../src/template';
import { sumGrid, type SumGrid } from '../support/sum-grid';

const applications2021 = templateTable('applications', '2021');
const applications2019 = templateTable('applications', '2019');
const review2021 = templateTable('review', '2021');

type Change = [row: string, column: string, value: number];

/** A consistent 表三 from the parts: results, carry-over and carry-forward per applicant column; totals computed. */
function consistentApplications(template: TemplateTable, parts: (row: string, column: string) => number): SumGrid {
  const rows = template.blocks[0].rows.map((r) => r.key);
  const partColumns = template.blocks[0].columns.map((c) => c.key).filter((k) => k !== 'total');
  const results = rows.slice(2, -2);
  const value = new Map<string, number>();
  const at = (r: string, c: string) => value.get(`${r}|${c}`) ?? 0;
  for (const c of partColumns) {
    for (const r of [...results, 'carryForward']) value.set(`${r}|${c}`, parts(r, c));
    const handled = results.reduce((n, r) => n + at(r, c), 0);
    const carriedOver = Math.min(parts('carriedOver', c), handled + at('carryForward', c));
    value.set(`handledTotal|${c}`, handled);
    value.set(`carriedOver|${c}`, carriedOver);
    value.set(`received|${c}`, handled + at('carryForward', c) - carriedOver);
  }
  for (const r of rows) value.set(`${r}|total`, partColumns.reduce((n, c) => n + at(r, c), 0));
  return sumGrid(template, at);
}

function consistentReview(parts: (column: string) => number): SumGrid {
  const columns = review2021.blocks[0].columns.map((c) => c.key);
  const value = new Map(columns.filter((k) => !k.endsWith('Total')).map((k) => [k, parts(k)]));
  for (const group of ['review', 'directSuit', 'suitAfterReview']) {
    value.set(`${group}Total`, ['Upheld', 'Corrected', 'Other', 'Pending'].reduce((n, k) => n + value.get(group + k)!, 0));
  }
  return sumGrid(review2021, (_row, column) => value.get(column)!);
}

const sample = (r: string, c: string) => ((r.length * 7 + c.length * 3) % 5 === 0 ? 2 : (r.length + c.length) % 7 === 0 ? 1 : 0);

function damage(grid: SumGrid, changes: Change[]): number[] {
  const values = [...grid.system.values];
  for (const [r, c, v] of changes) values[grid.cellIndex(r, c)] = v;
  return values;
}

const describeRepair = (grid: SumGrid, repair: Repair) =>
  repair.changes.map(({ cell, to }) => `${grid.rows[Math.floor(cell / grid.columns.length)]}.${grid.columns[cell % grid.columns.length]}=${to}`).sort();

/** Cases with k wrong cells whose repair is known to be the only smallest one. */
const KNOWN: { name: string; grid: () => SumGrid; wrong: Change[]; decidedByEvidence?: true }[] = [
  { name: 'k=1: a row total', grid: () => consistentApplications(applications2021, sample), wrong: [['disclosed', 'total', 9]] },
  { name: 'k=1: a part (breaks its row and its column)', grid: () => consistentApplications(applications2021, sample), wrong: [['repeated', 'natural', 4]] },
  { name: 'k=1: （七）总计 of a column', grid: () => consistentApplications(applications2021, sample), wrong: [['handledTotal', 'research', 7]] },
  { name: 'k=2: two parts in different rows and columns', grid: () => consistentApplications(applications2021, sample), wrong: [['stateSecret', 'natural', 5], ['publications', 'legal', 3]] },
  { name: 'k=2: two totals of the 总计 column', grid: () => consistentApplications(applications2021, sample), wrong: [['disclosed', 'total', 11], ['notHeld', 'total', 8]] },
  { name: 'k=3: a part and two totals', grid: () => consistentApplications(applications2021, sample), wrong: [['needsCreation', 'commercial', 6], ['petitions', 'total', 9], ['thirdParty', 'total', 7]] },
  { name: 'k=3: 2019 table, （六） as one row', grid: () => consistentApplications(applications2019, sample), wrong: [['otherHandling', 'natural', 4], ['received', 'total', 12], ['repeated', 'total', 6]] },
  { name: 'k=4: parts and totals across the table', grid: () => consistentApplications(applications2021, sample), wrong: [['disclosed', 'natural', 6], ['repeated', 'research', 5], ['received', 'total', 19], ['stateSecret', 'legal', 1]] },
  { name: 'k=2: 表四, totals of two groups (each group alone ambiguous, totals preferred)', grid: () => consistentReview((k) => k.length % 3), wrong: [['cases', 'reviewTotal', 9], ['cases', 'directSuitTotal', 7]], decidedByEvidence: true },
];

describe('table repair search', () => {
  for (const c of KNOWN) {
    it(`${c.name}: the offered repair restores exactly the damaged cells`, () => {
      const grid = c.grid();
      assert.deepEqual(brokenEquations(grid.system), [], 'the generated table is consistent');
      const system = { ...grid.system, values: damage(grid, c.wrong) };
      assert.ok(brokenEquations(system).length > 0, 'the damage breaks a relation');
      const search = findRepairs(system);
      assert.ok(search.complete);
      const ranked = rankRepairs(search.repairs, grid.evidence);
      if (c.decidedByEvidence) assert.ok(ranked.decided && search.repairs.length > 1, 'several repairs, one preferred by the evidence');
      else assert.equal(search.repairs.length, 1, `expected one smallest repair, got ${search.repairs.map((r) => describeRepair(grid, r).join(' ')).join(' | ')}`);
      const expected = c.wrong.map(([r, col]) => `${r}.${col}=${grid.system.values[grid.cellIndex(r, col)]}`).sort();
      assert.deepEqual(describeRepair(grid, ranked.repairs[0]), expected);
      assert.deepEqual(brokenEquations(system, applyRepair(system, ranked.repairs[0])), []);
    });
  }

  it('of two equally small repairs, the one changing totals comes first', () => {
    const grid = consistentReview(() => 0);
    const system = { ...grid.system, values: damage(grid, [['cases', 'reviewUpheld', 1]]) };
    const { repairs } = findRepairs(system);
    assert.equal(repairs.length, 2);
    const ranked = rankRepairs(repairs, grid.evidence);
    assert.ok(ranked.decided);
    assert.deepEqual(describeRepair(grid, ranked.repairs[0]), ['cases.reviewTotal=1']);
  });

  it('between repairs equal in size and kind, a value the text states decides; without it the choice stays open', () => {
    const grid = consistentReview(() => 0);
    const [a, b] = [grid.cellIndex('cases', 'reviewTotal'), grid.cellIndex('cases', 'directSuitTotal')];
    const repairs = [{ changes: [{ cell: a, to: 2 }] }, { changes: [{ cell: b, to: 3 }] }];
    assert.equal(rankRepairs(repairs, grid.evidence).decided, false);
    const ranked = rankRepairs(repairs, { ...grid.evidence, stated: new Map([[b, 3]]) });
    assert.ok(ranked.decided);
    assert.equal(ranked.repairs[0].changes[0].cell, b);
  });

  it('a repair never sets a count to a negative or fractional value', () => {
    const grid = consistentApplications(applications2021, () => 0);
    const system = { ...grid.system, values: damage(grid, [['disclosed', 'natural', 1]]) };
    for (const repair of findRepairs(system).repairs) for (const { to } of repair.changes) assert.ok(to >= 0 && Number.isInteger(to));
  });

  it('property: up to 3 changed cells of a consistent table → the top repair restores every relation with no more changes', () => {
    const cellCount = 25 * 7;
    fc.assert(fc.property(
      fc.array(fc.nat({ max: 3 }).map((n) => (n === 3 ? 0 : n)), { minLength: cellCount, maxLength: cellCount }),
      fc.uniqueArray(fc.record({ cell: fc.nat({ max: cellCount - 1 }), value: fc.nat({ max: 12 }) }), { minLength: 1, maxLength: 3, selector: (c) => c.cell }),
      (parts, damageList) => {
        const grid = consistentApplications(applications2021, (r, c) => parts[(r.length * 31 + c.length * 17 + r.charCodeAt(0)) % cellCount]);
        const values = [...grid.system.values];
        for (const { cell, value } of damageList) values[cell] = value;
        const system = { ...grid.system, values };
        const made = damageList.filter(({ cell }) => grid.system.values[cell] !== values[cell]).length;
        const search = findRepairs(system);
        if (made === 0) return;
        assert.ok(search.repairs.length > 0, 'a repair is found');
        const [top] = rankRepairs(search.repairs, grid.evidence).repairs;
        assert.ok(top.changes.length <= made, `repair of ${top.changes.length} cells for ${made} changes`);
        assert.deepEqual(brokenEquations(system, applyRepair(system, top)), []);
      },
    ), { numRuns: 150 });
  });
});

describe('figures stated in the text', () => {
  const doc = (...texts: string[]) => ({ paragraphs: texts.map((text, paragraphIndex) => ({ text, paragraphIndex })) }) as unknown as DocumentModel;

  it('reads 新收 applications and 行政复议 cases; a figure stated twice differently counts as unstated', () => {
    assert.deepEqual(statedValues(doc('本年度共收到政府信息公开申请1份，均已办结。', '全年发生行政复议2件。')), [
      { table: 'applications', row: 'received', column: 'total', value: 1 },
      { table: 'review', row: 'cases', column: 'reviewTotal', value: 2 },
    ]);
    assert.deepEqual(statedValues(doc('新收申请3件。', '本年新收政府信息公开申请4件。')), []);
    assert.deepEqual(statedValues(doc('未收到政府信息公开申请。')), []);
  });
});
