import type { Migration } from './schema';

/*
 * Moving 2019 values into the 2021 layout, as report-format.md ("Migrating 2019 values") says:
 * what carries over as it is, what is only a proposal the user must confirm, and what has no
 * 2019 source and must be filled in. Rows and columns not listed start at 0.
 */
export const migrations: Migration[] = [
  {
    table: 'applications',
    from: '2019',
    to: '2021',
    carry: [{ from: { row: 'otherHandling', column: '*' }, to: { row: 'otherHandled', column: '*' }, confirm: false }],
    fillIn: [],
  },
  {
    table: 'active',
    from: '2019',
    to: '2021',
    carry: [
      ...['regulations', 'normativeDocuments'].flatMap((row) => [
        { from: { row, column: 'made' }, to: { row, column: 'issued' }, confirm: true },
        { from: { row, column: 'publicTotal' }, to: { row, column: 'inForce' }, confirm: true },
      ]),
      ...['licensing', 'penalty', 'coercion'].map((row) => ({ from: { row, column: 'decisions' }, to: { row, column: 'decisions' }, confirm: false })),
    ],
    fillIn: [
      { row: 'regulations', column: 'repealed' },
      { row: 'normativeDocuments', column: 'repealed' },
      { row: 'fees', column: 'feeAmount' },
    ],
  },
];
