import { auditCount, sessionUserFor, signInAs } from '../support/session-mock';
import { settle } from '../support/action-harness';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { can, isAllowed, POLICY } from '@/lib/auth/policy';
import { ROLES, type Role } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/actions/result';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { ACTION_BUILDERS, createMatrixFixture, type MatrixFixture, type Scope } from '../support/action-builders';

// Every registered server action × every role × the scopes of its row, against a real seeded database, checked
// against EXPECTED below: the outcomes written out by hand from the README's role table and the policy's intent
// (lib/auth/policy.ts), never computed by the code under test. A new action fails here until it has an input
// builder (tests/support/action-builders.ts) and its rows in EXPECTED.

type ActionFn = (previous: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;
type Registered = { name: string; permission: string; run: ActionFn | null; module: string };

const { ACTION_REGISTRY } = await import('@/lib/actions/define-action');
const loaders = import.meta.glob<Record<string, unknown>>('/lib/actions/**/*.ts');
const REGISTERED: Registered[] = [];
for (const [path, load] of Object.entries(loaders).sort(([a], [b]) => (a < b ? -1 : 1))) {
  const before = ACTION_REGISTRY.length;
  const module = await load();
  const added = ACTION_REGISTRY.slice(before);
  const functions = Object.entries(module).filter(([, value]) => typeof value === 'function') as [string, ActionFn][];
  for (const entry of added) {
    const match = functions.find(([name]) => name === entry.name) ?? (added.length === 1 && functions.length === 1 ? functions[0] : undefined);
    REGISTERED.push({ name: entry.name, permission: entry.permission, run: match?.[1] ?? null, module: path });
  }
}

/** One seeded demo account per role (lib/demo/accounts.ts): the chairman of Nga My, the officer of SNV. */
const ACCOUNT: Record<Role, string> = {
  admin: 'admin',
  standing_committee: 'thuongtruc',
  organizing_committee: 'bantochuc',
  home_affairs: 'noivu',
  department_officer: 'so.noivu',
  commune_chairman: 'xa.ngamy',
};

// What each role gets: the action done ('ok', and an audit row written), or the error key of the refusal (and
// nothing written). Columns in the order of ROLES (lib/auth/roles.ts).
const ok = 'ok';
const F = 'errors.forbidden';
const NF = 'errors.notFound';
const INVALID = 'errors.validation';
const TRANSFER_NF = 'transfer.errors.notFound';
const RECEPTION_NF = 'reception.errors.notFound';
const RECRUITMENT_NF = 'recruitment.errors.notFound';
type Outcome = typeof ok | typeof F | typeof NF | typeof INVALID | typeof TRANSFER_NF | typeof RECEPTION_NF | typeof RECRUITMENT_NF;
type Row = readonly [admin: Outcome, standing: Outcome, organizing: Outcome, homeAffairs: Outcome, officer: Outcome, chairman: Outcome];

// Scopes (tests/support/action-builders.ts): 'own commune' is the chairman's (Nga My), 'own department' the
// officer's (SNV); 'other …' another unit of the same province; 'other province' the same kind of row elsewhere.
// A role the policy refuses gets errors.forbidden before anything is looked up, whatever the row.
const EXPECTED: Record<string, Partial<Record<Scope, Row>>> = {
  // Users: the administrator of the province. An account is always created in the creator's province, so one
  // naming another province's commune is invalid; another province's account is out of his scope.
  //                        admin     standing  organizing home      officer   chairman
  createUser: {
    province:            [ok,       F,        F,         F,        F,        F],
    'other province':    [INVALID,  F,        F,         F,        F,        F],
  },
  updateUser: {
    province:            [ok,       F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  deactivateUser: {
    province:            [ok,       F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  reactivateUser: {
    province:            [ok,       F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  resetUserPassword: {
    province:            [ok,       F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  // Quotas, norms, commune attributes and the positions catalogue: Home Affairs and the administrator, in any
  // commune of the province; another province's rows are not found (looked up in the user's province).
  saveCommuneQuotas: {
    'other commune':     [ok,       F,        F,         ok,       F,        F],
    'other province':    [NF,       F,        F,         NF,       F,        F],
  },
  updateCommuneAttributes: {
    'other commune':     [ok,       F,        F,         ok,       F,        F],
    'other province':    [NF,       F,        F,         NF,       F,        F],
  },
  saveKeyPositionNorms: {
    'other commune':     [ok,       F,        F,         ok,       F,        F],
    'other province':    [NF,       F,        F,         NF,       F,        F],
  },
  saveDepartmentQuota: {
    'other department':  [ok,       F,        F,         ok,       F,        F],
    'other province':    [NF,       F,        F,         NF,       F,        F],
  },
  createPosition: {
    province:            [ok,       F,        F,         ok,       F,        F],
  },
  updatePosition: {
    province:            [ok,       F,        F,         ok,       F,        F],
    'other province':    [NF,       F,        F,         NF,       F,        F],
  },
  deletePosition: {
    province:            [ok,       F,        F,         ok,       F,        F],
    'other province':    [NF,       F,        F,         NF,       F,        F],
  },
  // Opening and confirming a quota year: Home Affairs alone, never the administrator.
  openQuotaYear: {
    province:            [F,        F,        F,         ok,       F,        F],
  },
  confirmQuotaYear: {
    province:            [F,        F,        F,         ok,       F,        F],
  },
  // Annual ratings (docs/decisions/040-annual-ratings.md): a chairman rates his own commune's civil servants; the
  // Organizing Committee enters the cadres' ratings of any commune of the province. Nobody else records ratings.
  recordCivilServantRating: {
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other commune':     [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  removeCivilServantRating: {
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other commune':     [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  confirmCivilServantRound: {
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other commune':     [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  recordCadreRating: {
    'own commune':       [F,        F,        ok,        F,        F,        F],
    'other commune':     [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  removeCadreRating: {
    'own commune':       [F,        F,        ok,        F,        F,        F],
    'other commune':     [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  confirmCadreRound: {
    'own commune':       [F,        F,        ok,        F,        F,        F],
    'other commune':     [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  // Vacancies and roster changes are personnel decisions: Home Affairs in any commune of the province, a chairman in
  // his own commune only. The officer's roster right is for her department's staff, so a commune's is out of her
  // scope; the administrator makes no personnel decisions. Another province's commune exists: out of scope.
  declareVacancy: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  closeVacancy: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  recruitCadre: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  recordDeparture: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  changePrimaryPosition: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  addConcurrentPosition: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  removeConcurrentPosition: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  // The personnel dossier: the roster's roles and scope (a chairman for his commune, Home Affairs).
  updateDossier: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  addEducation: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  addTraining: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  addRecognition: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  removeDossierEntry: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  cancelRosterChange: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  // The 5% lists (decision 011). The Organizing Committee opens and extends phases, and reviews every department's
  // lists; the officer drafts and submits her own department's list only; the Standing Committee decides; the
  // Organizing Committee or Home Affairs places and ends. Another province's phase, list or secondment is not found.
  createSecondmentPhase: {
    province:            [F,        F,        ok,        F,        F,        F],
  },
  extendSecondmentPhase: {
    province:            [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        NF,        F,        F,        F],
  },
  createSecondmentList: {
    'own department':    [F,        F,        F,         F,        ok,       F],
    'other province':    [F,        F,        F,         F,        INVALID,  F],
  },
  addSecondmentCandidate: {
    'own department':    [F,        F,        F,         F,        ok,       F],
    'other department':  [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        NF,       F],
  },
  removeSecondmentCandidate: {
    'own department':    [F,        F,        F,         F,        ok,       F],
    'other department':  [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        NF,       F],
  },
  submitSecondmentList: {
    'own department':    [F,        F,        F,         F,        ok,       F],
    'other department':  [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        NF,       F],
  },
  assessSecondmentCandidate: {
    'own department':    [F,        F,        ok,        F,        F,        F],
    'other department':  [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        NF,        F,        F,        F],
  },
  returnSecondmentList: {
    'own department':    [F,        F,        ok,        F,        F,        F],
    'other department':  [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        NF,        F,        F,        F],
  },
  forwardSecondmentList: {
    'own department':    [F,        F,        ok,        F,        F,        F],
    'other department':  [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        NF,        F,        F,        F],
  },
  decideSecondmentCandidates: {
    'own department':    [F,        ok,       F,         F,        F,        F],
    'other department':  [F,        ok,       F,         F,        F,        F],
    'other province':    [F,        NF,       F,         F,        F,        F],
  },
  placeSecondmentCandidate: {
    'own department':    [F,        F,        ok,        ok,       F,        F],
    'other department':  [F,        F,        ok,        ok,       F,        F],
    'other province':    [F,        F,        NF,        NF,       F,        F],
  },
  endSecondment: {
    'own department':    [F,        F,        ok,        ok,       F,        F],
    'other department':  [F,        F,        ok,        ok,       F,        F],
    'other province':    [F,        F,        NF,        NF,       F,        F],
  },
  // The import: Home Affairs and the administrator, of their own province's uploads.
  checkWorkbookUpload: {
    province:            [ok,       F,        F,         ok,       F,        F],
  },
  applyWorkbookUpload: {
    province:            [ok,       F,        F,         ok,       F,        F],
    'other province':    [NF,       F,        F,         NF,       F,        F],
  },
  // The commune workbook (docs/decisions/047-commune-workbook.md): the commune's chairman for his own commune, Home
  // Affairs for any commune of the province; never the administrator (personnel decisions).
  applyCommuneWorkbook: {
    'own commune':       [F,        F,        F,         ok,       F,        ok],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  // Today's figures (the Organizing Committee) and the report's draft (the Organizing Committee, Home Affairs).
  takeSnapshotNow: {
    province:            [F,        F,        ok,        F,        F,        F],
  },
  saveReportDraft: {
    province:            [F,        F,        ok,        ok,       F,        F],
  },
  // Transfers (decision 016): Home Affairs proposes (one by one or from the plan) and cancels; Home Affairs or the
  // Organizing Committee decides; a chairman gives his commune's opinion on a transfer out of or into it, and does
  // not see another commune's transfer. Another province's transfer is not found.
  acceptProposals: {
    province:            [F,        F,        F,         ok,       F,        F],
  },
  proposeTransfer: {
    province:            [F,        F,        F,         ok,       F,        F],
  },
  recordTransferOpinion: {
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other commune':     [F,        F,        F,         F,        F,        TRANSFER_NF],
    'other province':    [F,        F,        F,         F,        F,        TRANSFER_NF],
  },
  approveTransfer: {
    province:            [F,        F,        ok,        ok,       F,        F],
    'other province':    [F,        F,        TRANSFER_NF, TRANSFER_NF, F,    F],
  },
  declineTransfer: {
    province:            [F,        F,        ok,        ok,       F,        F],
    'other province':    [F,        F,        TRANSFER_NF, TRANSFER_NF, F,    F],
  },
  cancelTransfer: {
    province:            [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         TRANSFER_NF, F,     F],
  },
  // The planning register (docs/decisions/041-structure-and-planning.md): the Organizing Committee alone opens terms
  // and plans people, in any commune of the province; another province's commune is out of scope, another
  // province's entry is not found.
  createPlanningTerm: {
    province:            [F,        F,        ok,        F,        F,        F],
  },
  addPlanningEntry: {
    'own commune':       [F,        F,        ok,        F,        F,        F],
    'other commune':     [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  removePlanningEntry: {
    'own commune':       [F,        F,        ok,        F,        F,        F],
    'other commune':     [F,        F,        ok,        F,        F,        F],
    'other province':    [F,        F,        NF,        F,        F,        F],
  },
  // Reception into the commune civil service (decision 043): the chairman proposes and withdraws for his own commune;
  // Home Affairs appraises, refuses and records the decision, in any commune of the province; another province's
  // proposal is not found (looked up in the user's province).
  //                        admin     standing  organizing home      officer   chairman
  proposeReception: {
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other commune':     [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  withdrawReception: {
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other commune':     [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        RECEPTION_NF],
  },
  appraiseReception: {
    'own commune':       [F,        F,        F,         ok,       F,        F],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         RECEPTION_NF, F,    F],
  },
  refuseReception: {
    'own commune':       [F,        F,        F,         ok,       F,        F],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         RECEPTION_NF, F,    F],
  },
  decideReception: {
    'own commune':       [F,        F,        F,         ok,       F,        F],
    'other commune':     [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         RECEPTION_NF, F,    F],
  },
  // The recruitment plan: Home Affairs; another province's plan is not found.
  createRecruitmentPlan: {
    province:            [F,        F,        F,         ok,       F,        F],
  },
  saveRecruitmentTarget: {
    province:            [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         RECRUITMENT_NF, F,  F],
  },
  removeRecruitmentTarget: {
    province:            [F,        F,        F,         ok,       F,        F],
    'other province':    [F,        F,        F,         RECRUITMENT_NF, F,  F],
  },
  // Support requests (docs/decisions/044-support-requests-and-working-groups.md): a chairman raises for his own
  // commune; Home Affairs or the Organizing Committee assigns and manages the groups; the members of the assigned
  // group ('own department': a group the actor belongs to; 'other department': one he does not) visit, answer,
  // resolve, escalate, whatever their role (the administrator takes no such step; a chairman only answers, in his
  // commune or as a member). The administrator keeps the problem groups. Another province's rows are not found.
  raiseSupportRequest: {
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other commune':     [F,        F,        F,         F,        F,        F],
    'other province':    [F,        F,        F,         F,        F,        F],
  },
  assignSupportRequest: {
    province:            [F,        F,        ok,        ok,       F,        F],
    'other province':    [F,        F,        NF,        NF,       F,        F],
  },
  recordSupportVisit: {
    'own department':    [F,        ok,       ok,        ok,       ok,       F],
    'other department':  [F,        F,        F,         F,        F,        F],
    'other province':    [F,        NF,       NF,        NF,       NF,       F],
  },
  answerSupportRequest: {
    'own department':    [F,        ok,       ok,        ok,       ok,       ok],
    'other department':  [F,        F,        F,         F,        F,        F],
    'own commune':       [F,        F,        F,         F,        F,        ok],
    'other province':    [F,        NF,       NF,        NF,       NF,       NF],
  },
  resolveSupportRequest: {
    'own department':    [F,        ok,       ok,        ok,       ok,       F],
    'other department':  [F,        F,        F,         F,        F,        F],
    'other province':    [F,        NF,       NF,        NF,       NF,       F],
  },
  escalateSupportRequest: {
    'own department':    [F,        ok,       ok,        ok,       ok,       F],
    'other department':  [F,        F,        F,         F,        F,        F],
    'other province':    [F,        NF,       NF,        NF,       NF,       F],
  },
  createWorkingGroup: {
    province:            [F,        F,        ok,        ok,       F,        F],
  },
  updateWorkingGroup: {
    province:            [F,        F,        ok,        ok,       F,        F],
    'other province':    [F,        F,        NF,        NF,       F,        F],
  },
  createProblemGroup: {
    province:            [ok,       F,        F,         F,        F,        F],
  },
  updateProblemGroup: {
    province:            [ok,       F,        F,         F,        F,        F],
    'other province':    [NF,       F,        F,         F,        F,        F],
  },
  // Everyone changes his own password.
  changePassword: {
    'own account':       [ok,       ok,       ok,        ok,       ok,       ok],
  },
  // Every user's own inbox: another user's item is not found, whoever asks.
  markNotificationRead: {
    'own account':       [ok,       ok,       ok,        ok,       ok,       ok],
    'other province':    [NF,       NF,       NF,        NF,       NF,       NF],
  },
  markAllNotificationsRead: {
    'own account':       [ok,       ok,       ok,        ok,       ok,       ok],
  },
};

type Case = { action: Registered; role: Role; scope: Scope; expected: Outcome };
const CASES: Case[] = REGISTERED.flatMap((action) =>
  (Object.entries(EXPECTED[action.name] ?? {}) as [Scope, Row][]).flatMap(([scope, row]) =>
    ROLES.map((role, column) => ({ action, role, scope, expected: row[column] })),
  ),
);

const sorted = (names: Iterable<string>) => [...names].sort();

let database: TestDatabase;
let fixture: MatrixFixture;
beforeAll(async () => {
  database = await createTestDatabase('seeded');
  // lib/db/client reads DATABASE_URL at its first call, which comes after this.
  process.env.DATABASE_URL = database.url;
  fixture = await createMatrixFixture(database.db);
});
afterAll(async () => {
  signInAs(null);
  await database?.drop();
});

/**
 * The security.denied rows of an actor: all of them, or those of one action (its name in the payload) of the last
 * two minutes (a row of the last minute blocks the next; the margin keeps one just past it from being missed).
 */
async function deniedCount(db: MatrixFixture['db'], actorId: number, actionName?: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM audit_log
     WHERE action = 'security.denied' AND actor_id = ${actorId}
       AND (${actionName ?? null}::text IS NULL OR (after ->> 'attempted' = ${actionName ?? null}::text AND at > now() - interval '2 minutes'))`;
  return row.n;
}

describe('the registry', () => {
  test('every module under lib/actions was imported and registered actions', () => {
    expect(REGISTERED.length).toBeGreaterThan(0);
  });

  test('every registered action has a row in EXPECTED, and every row names a registered action', () => {
    expect(sorted(Object.keys(EXPECTED))).toEqual(sorted(REGISTERED.map((action) => action.name)));
  });

  test('every registered action has an input builder, and every builder names a registered action', () => {
    expect(sorted(Object.keys(ACTION_BUILDERS))).toEqual(sorted(REGISTERED.map((action) => action.name)));
  });

  test.each(REGISTERED.map((action) => [action.name, action] as const))('%s: its permission is in POLICY', (_name, action) => {
    expect(Object.keys(POLICY)).toContain(action.permission);
  });

  test.each(REGISTERED.map((action) => [action.name, action] as const))('%s: is an exported function; its rows are the scopes its builder makes', (_name, action) => {
    expect(action.run, `${action.module} registers ${action.name} but exports no function of that name`).not.toBeNull();
    expect(sorted(Object.keys(EXPECTED[action.name] ?? {})), `the scopes of ${action.name} in EXPECTED`).toEqual(sorted(ACTION_BUILDERS[action.name]?.scopes ?? []));
  });

  test('a role the policy refuses an action is refused it on every row', () => {
    const disagreeing = CASES.filter((c) => !isAllowed(c.role, c.action.permission) && c.expected !== F).map((c) => `${c.action.name} × ${c.role} × ${c.scope}`);
    expect(disagreeing).toEqual([]);
  });
});

describe('the matrix', () => {
  test('size: one case per role for every row of every registered action', () => {
    const rows = REGISTERED.reduce((sum, action) => sum + Object.keys(EXPECTED[action.name] ?? {}).length, 0);
    // Printed so that a run reports the size of the matrix.
    console.info(`authorization matrix: ${CASES.length} cases (${REGISTERED.length} actions, ${rows} rows × ${ROLES.length} roles)`);
    expect(REGISTERED.every((action) => Object.keys(EXPECTED[action.name] ?? {}).length > 0)).toBe(true);
    expect(CASES.length).toBe(rows * ROLES.length);
  });

  test.each(CASES.map((c) => [c.action.name, c.role, c.scope, c] as const))('%s as %s, %s', async (_name, role, scope, { action, expected }) => {
    const builder = ACTION_BUILDERS[action.name];
    if (!builder || !action.run) throw new Error(`no builder or function for ${action.name}`);
    const actor = await sessionUserFor(fixture.db, ACCOUNT[role]);
    const { form: data, resource } = await builder.build(fixture, actor, scope);

    signInAs(actor);
    const before = await auditCount(fixture.db);
    const deniedBefore = await deniedCount(fixture.db, actor.id);
    const result = await settle(action.run(null, data));
    const after = await auditCount(fixture.db);

    if (expected === ok) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(after).toBeGreaterThan(before);
    } else {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: expected });
      // auditCount leaves out security.denied rows, the one record a refusal may leave; checked just below.
      expect(after, 'a refused call writes nothing').toBe(before);
    }
    if (expected === F) {
      // Recorded, at most once a minute per user and action: by this call or an earlier one of the same minute.
      expect(await deniedCount(fixture.db, actor.id, action.name), 'a forbidden call is recorded as security.denied').toBeGreaterThan(0);
    } else {
      expect(await deniedCount(fixture.db, actor.id), 'only a forbidden call records security.denied').toBe(deniedBefore);
    }
    // Pages ask can() to show the form: it must offer exactly what the action does.
    expect(can(actor, action.permission, resource), 'can() on the row agrees with the action').toBe(expected === ok);
  });
});
