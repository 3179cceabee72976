import { COUNTING_LIST_STATES } from '@/lib/domain/secondment';
import { countedEmploymentSql } from './staffing-counts';

// The 5% rules of lib/domain/secondment.ts as SQL fragments, for the set-based counts of lib/db (the compilation,
// the count a submission is judged on, the staff search). Each is the same rule as its domain function;
// tests/integration/derived-states-sql.test.ts checks them against each other on random rows.
//
// Aliases name rows of the statement: `candidate` a secondment_candidate, `list` its secondment_list, `cadre` its
// cadre. `includingList`, when given, is an SQL expression of a list id counted as if submitted.

/** A list counting toward its department's 5% (COUNTING_LIST_STATES: submitted or later). */
export const countingListSql = (list: string) => `${list}.state IN (${COUNTING_LIST_STATES.map((s) => `'${s}'`).join(', ')})`;

/** The condition under which a candidate row counts toward the minimum (countListed). */
export const countsTowardMinimumSql = (list: string, cadre: string, includingList?: string) =>
  `((${countingListSql(list)}${includingList ? ` OR ${list}.id = ${includingList}` : ''}) AND ${countedEmploymentSql(cadre)})`;

/** The 5% count itself (countListed): each person once, whatever the number of lists he is on. */
export const listedCountSql = (candidate: string, list: string, cadre: string, includingList?: string) =>
  `COUNT(DISTINCT ${candidate}.cadre_id) FILTER (WHERE ${countsTowardMinimumSql(list, cadre, includingList)})`;

/**
 * holdsCadre(candidate state, list state): the database function the guard "one open list per cadre" uses
 * (migration 20261207000300_derived_states), so queries and the guard read the same rule.
 */
export const candidateHoldsCadreSql = (candidate: string, list: string) => `secondment_candidate_holds(${candidate}.state, ${list}.state)`;
