// The commune workbook's rows as read, and the dry run's report kept in `commune_workbook_upload.report`
// (docs/decisions/047-commune-workbook.md). Messages are keys with parameters, rendered at the page.

import type { WorkbookSheet } from './contract';

/** A problem: the sheet, the Excel row (header = 1; null for the sheet or file), the header as written, the rule. */
export type WorkbookProblem = { sheet: WorkbookSheet | null; row: number | null; column: string | null; key: string; params?: Record<string, string> };

/** A `cadres` row. `undefined`: the column is absent or the cell empty (unchanged); null: nothing given. */
export type CadreRow = {
  row: number;
  code: string | null;
  fullName?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  employmentType?: 'cadre' | 'civil_servant' | 'public_employee' | 'non_professional';
  education?: 'intermediate' | 'college' | 'university' | 'master' | 'doctorate';
  field?: string;
  positionCode?: string;
  /** The whole list of concurrent posts (an empty cell: none); undefined when a code in it did not parse. */
  concurrentCodes?: string[];
  concurrentPresent: boolean;
  dossier: {
    nationalId?: string; ethnicity?: string; partyJoinDate?: string; politicalTheory?: 'none' | 'elementary' | 'intermediate' | 'advanced';
    stateManagement?: 'specialist' | 'principal_specialist' | 'senior_specialist'; rankCode?: string; salaryStep?: number; salaryCoefficient?: number;
  };
  departureReason: 'retirement' | 'resignation' | 'early_retirement' | 'transfer_out' | 'death' | 'other' | null;
  effectiveDate: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuingBody: string | null;
  backdatedReason: string | null;
  rowVersion: number | null;
};

export type NeedRow = {
  row: number;
  id: number | null;
  positionCode: string | null;
  field: string | null;
  count: number | null;
  urgency: 'normal' | 'urgent' | 'critical' | null;
  note: string | null;
  close: boolean;
  closeNote: string | null;
  rowVersion: number | null;
};

/** One field of a person that changes: the column's key, the value before and after (codes, ISO dates, text). */
export type FieldChange = { column: string; before: string | null; after: string | null };

/** A person in the diff: a recruitment (new), changed field by field, or a departure (left). */
export type PersonDiff = {
  row: number;
  kind: 'new' | 'changed' | 'left';
  code: string | null;
  fullName: string;
  changes: FieldChange[];
  effectiveDate: string | null;
  decision: { number: string; date: string; issuingBody: string } | null;
};

export type NeedDiff = { row: number; kind: 'new' | 'closed'; id: number | null; positionCode: string | null; field: string | null; count: number; urgency: string };

/** A person changed online since the download: his row is not applied, nor is anything else. */
export type WorkbookConflict = { row: number; code: string; fullName: string; downloadedVersion: number | null; currentVersion: number };

export type WorkbookReport = {
  /** No problem and no conflict: the workbook may be applied. */
  ok: boolean;
  communeCode: string;
  problems: WorkbookProblem[];
  conflicts: WorkbookConflict[];
  people: PersonDiff[];
  needs: NeedDiff[];
  /** Rows that change nothing. */
  unchanged: number;
  applied: boolean;
};

export const changeCount = (report: Pick<WorkbookReport, 'people' | 'needs'>) => report.people.length + report.needs.length;
