import type pg from 'pg';
import type { AuditEnvelope, AuditEvent, AuditEventName } from '@/lib/audit/events';
import { recordAuditRows } from '@/lib/db/audit-writer';
import { isAllowed } from '@/lib/auth/policy';
import type { Role } from '@/lib/auth/roles';
import { checkTransferTransition, dayBefore, type TransferAction, type TransferState } from '@/lib/domain/transfer';

// The demo story of the transfer workflow (decision 016, "Demo data"), loaded after the demo province, its accounts and the
// secondments by seedDemo. A few transfers in each state, within the old district except one (with its written
// justification): two taking effect in October 2025 (executed by the demo's today), one approved taking effect on
// 01/12/2025, proposals with and
// without the communes' opinions, one declined, one cancelled. Every step goes through the state machine of
// lib/domain/transfer.ts with the role's policy.
//
// The published figures stay true (docs/domain.md, Published figures): every approved move
// takes a civil servant holding no key post out of a commune well above its quota (it stays above) into a
// non-key post of a commune of the same old district short by two or more in that block (it stays short), so
// headcounts of the province and of each old district, key vacancies and the "56 of 130" do not change. Named
// communes of the articles (Nga My, Bắc Lý, Hoa Quân…) are only touched by proposals, which change nothing.
// Most surplus civil servants stay untouched, so the proposal engine still has moves to offer.
//
// THE AUDIT CONTRACT (the timeline reads it): entity_type 'transfer', entity_id = transfer.id; `at` is the story's
// date and time (+07:00); dates in `after` are ISO. Chairmen without a demo account: actor_id NULL,
// actor_name "Chủ tịch UBND <commune>", actor_role 'commune_chairman'. Execution is read from the date (no record).
//   transfer.propose  after {to: 'proposed', cadre, from, toCommune, position, effectiveDate, crossDistrict, comment, justification?}
//   transfer.opinion  after {side: 'from'|'to', commune, opinion, comment?}
//   transfer.approve  after {from: 'proposed', to: 'approved', decisionNumber, decisionDate, effectiveDate};
//                     envelope {effectiveOn, decisionId, affectsFigures: true}: the decision row (issued by Sở Nội vụ
//                     or Ban Tổ chức Tỉnh ủy, the approver's body), also on the transfer and the assignments it wrote
//   transfer.decline  after {from: 'proposed', to: 'declined', comment}
//   transfer.cancel   after {from: 'proposed', to: 'cancelled', comment}

/** The demo's "today" (APP_TODAY in the e2e runs and the demo). */
export const DEMO_TODAY = '2025-11-10';

type Opinion = { opinion: 'agree' | 'disagree'; note: string | null; at: string };
type Step =
  | { action: 'approve'; by: 'noivu' | 'bantochuc'; number: string; date: string; at: string }
  | { action: 'decline' | 'cancel'; by: 'noivu' | 'bantochuc'; reason: string; at: string };

type Story = {
  from: string; to: string; block: 'government' | 'party_front';
  /** The post in the target commune: the person's own post (null) or a key post by code. */
  position: string | null;
  effectiveDate: string; proposedAt: string; reason: string; justification?: string;
  fromOpinion?: Opinion; toOpinion?: Opinion; step?: Step;
};

const STORIES: Story[] = [
  {
    from: 'NA002', to: 'NA001', block: 'government', position: null, effectiveDate: '2025-10-01', proposedAt: '2025-09-05T09:30',
    reason: 'Yên Xuân thừa 18 công chức khối chính quyền; Anh Sơn thiếu công chức chuyên môn sau sắp xếp.',
    fromOpinion: { opinion: 'agree', note: null, at: '2025-09-09T10:00' }, toOpinion: { opinion: 'agree', note: 'Xã đề nghị bố trí sớm.', at: '2025-09-08T15:00' },
    step: { action: 'approve', by: 'noivu', number: '1125/QĐ-SNV', date: '2025-09-25', at: '2025-09-25T16:00' },
  },
  {
    from: 'NA009', to: 'NA007', block: 'government', position: null, effectiveDate: '2025-10-15', proposedAt: '2025-09-22T08:45',
    reason: 'Con Cuông thiếu 4 công chức khối chính quyền; Mậu Thạch vượt biên chế.',
    fromOpinion: { opinion: 'agree', note: null, at: '2025-09-26T09:00' }, toOpinion: { opinion: 'agree', note: null, at: '2025-09-25T14:20' },
    step: { action: 'approve', by: 'bantochuc', number: '215-QĐ/BTCTU', date: '2025-10-06', at: '2025-10-06T17:00' },
  },
  {
    from: 'NA014', to: 'NA016', block: 'government', position: null, effectiveDate: '2025-12-01', proposedAt: '2025-10-20T09:00',
    reason: 'Đức Châu thừa 19 công chức khối chính quyền; Hải Châu thiếu người làm chuyên môn.',
    fromOpinion: { opinion: 'agree', note: null, at: '2025-10-23T08:30' }, toOpinion: { opinion: 'agree', note: 'Cần gấp trước cuối năm.', at: '2025-10-22T16:00' },
    step: { action: 'approve', by: 'noivu', number: '1390/QĐ-SNV', date: '2025-11-05', at: '2025-11-05T15:30' },
  },
  {
    from: 'NA054', to: 'NA057', block: 'government', position: null, effectiveDate: '2025-12-15', proposedAt: '2025-11-06T10:15',
    reason: 'Nghĩa Lộc thiếu 7 công chức khối chính quyền; Nghĩa Mai vượt biên chế.',
  },
  {
    from: 'NA101', to: 'NA098', block: 'government', position: null, effectiveDate: '2025-12-15', proposedAt: '2025-11-03T14:00',
    reason: 'Cát Ngạn thiếu 5 công chức khối chính quyền; Sơn Lâm vượt 13.',
    fromOpinion: { opinion: 'agree', note: 'Đồng ý, đề nghị giữ nguyên ngạch bậc.', at: '2025-11-05T09:00' },
  },
  {
    from: 'NA102', to: 'NA100', block: 'government', position: null, effectiveDate: '2026-01-01', proposedAt: '2025-11-04T08:30',
    reason: 'Hoa Quân vượt 7 so với biên chế; Hạnh Lâm thiếu 4 công chức khối chính quyền.',
    fromOpinion: { opinion: 'disagree', note: 'Xã vẫn còn 6 chức danh chủ chốt trống; đề nghị điều động người khác.', at: '2025-11-06T10:00' },
    toOpinion: { opinion: 'agree', note: null, at: '2025-11-05T15:00' },
  },
  {
    from: 'NA089', to: 'NA113', block: 'government', position: 'ECONOMIC_HEAD', effectiveDate: '2026-01-01', proposedAt: '2025-11-07T09:00',
    reason: 'Nga My thiếu 17 người và trống Trưởng phòng Kinh tế; Tân Phú vượt 14 công chức khối chính quyền.',
    justification: 'Huyện Tương Dương cũ không còn xã nào thừa biên chế khối chính quyền; Tân Phú (huyện Tân Kỳ cũ) có công chức kinh tế đủ tiêu chuẩn, tự nguyện đến xã miền núi đặc biệt khó khăn.',
  },
  {
    from: 'NA116', to: 'NA117', block: 'government', position: null, effectiveDate: '2025-11-01', proposedAt: '2025-10-08T09:00',
    reason: 'Thành Vinh thiếu công chức khối chính quyền.',
    fromOpinion: { opinion: 'disagree', note: 'Người được đề xuất đang phụ trách chuyển đổi số của phường.', at: '2025-10-10T11:00' },
    step: { action: 'decline', by: 'noivu', reason: 'Phường nơi đi không đồng ý; Sở Nội vụ sẽ đề xuất người khác.', at: '2025-10-14T16:00' },
  },
  {
    from: 'NA123', to: 'NA125', block: 'government', position: null, effectiveDate: '2025-11-15', proposedAt: '2025-10-13T08:00',
    reason: 'Vân Tụ thiếu công chức khối chính quyền.',
    step: { action: 'cancel', by: 'noivu', reason: 'Vân Tụ đã tuyển dụng đủ qua kỳ thi công chức.', at: '2025-10-28T10:00' },
  },
];

const stamp = (local: string) => `${local}:00+07:00`;
const ROLE_OF: Record<'noivu' | 'bantochuc', Role> = { noivu: 'home_affairs', bantochuc: 'organizing_committee' };
/** The province-level body whose decision each approver records (issuing_body codes of migration 20261207000100). */
const BODY_OF: Record<'noivu' | 'bantochuc', string> = { noivu: 'SNV', bantochuc: 'BTCTU' };

type Mover = { id: number; code: string; assignment_id: number; position_id: number; position_code: string };

async function pickMover(client: pg.ClientBase, provinceId: number, communeCode: string, block: string, taken: number[]): Promise<Mover> {
  const { rows } = await client.query<Mover>(
    `SELECT c.id, c.code, a.id AS assignment_id, a.position_id, p.code AS position_code
       FROM cadre c JOIN assignment a ON a.cadre_id = c.id JOIN position p ON p.id = a.position_id
       JOIN commune cm ON cm.id = a.commune_id
      WHERE cm.province_id = $1 AND cm.code = $2 AND a.is_primary AND a.end_date IS NULL AND p.block = $3::"Block" AND NOT p.is_key AND NOT p.is_elected
        AND c.status = 'active' AND c.employment_type = 'civil_servant' AND a.start_date < '2025-09-01' AND c.id <> ALL($4::int[])
        AND NOT EXISTS (SELECT 1 FROM assignment o WHERE o.cadre_id = c.id AND o.id <> a.id AND (o.end_date IS NULL OR o.end_date >= '2025-09-01'))
        AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = c.id)
      ORDER BY c.code DESC LIMIT 1`,
    [provinceId, communeCode, block, taken],
  );
  if (!rows[0]) throw new Error(`Demo transfers: no civil servant to move out of ${communeCode}`);
  return rows[0];
}

/**
 * Loads the transfer story into province `provinceCode` unless it already has a transfer. Returns whether it
 * loaded anything.
 */
export async function seedDemoTransfers(client: pg.ClientBase, provinceCode = 'NA'): Promise<boolean> {
  const { rows: provinces } = await client.query<{ id: number }>('SELECT id FROM province WHERE code = $1', [provinceCode]);
  if (provinces.length === 0) return false;
  const provinceId = provinces[0].id;
  if ((await client.query('SELECT 1 FROM transfer WHERE province_id = $1 LIMIT 1', [provinceId])).rows.length > 0) return false;
  const { rows: users } = await client.query<{ id: number; username: string; display_name: string; role: Role; commune_code: string | null }>(
    `SELECT u.id, u.username, u.display_name, u.role::text AS role, cm.code AS commune_code FROM app_user u LEFT JOIN commune cm ON cm.id = u.commune_id WHERE u.province_id = $1`,
    [provinceId],
  );
  const user = (username: string) => users.find((u) => u.username === username);
  const proposer = user('noivu');
  if (!proposer) return false;
  const { rows: communes } = await client.query<{ id: number; code: string; name: string; old_district_id: number }>(
    'SELECT id, code, name, old_district_id FROM commune WHERE province_id = $1', [provinceId]);
  const communeOf = new Map(communes.map((c) => [c.code, c]));
  const { rows: bodies } = await client.query<{ id: number; code: string }>(
    'SELECT id, code FROM issuing_body WHERE province_id = $1 AND commune_id IS NULL', [provinceId]);
  const bodyOf = new Map(bodies.map((b) => [b.code, b.id]));
  const taken: number[] = [];

  for (const story of STORIES) {
    const from = communeOf.get(story.from)!;
    const to = communeOf.get(story.to)!;
    const mover = await pickMover(client, provinceId, story.from, story.block, taken);
    taken.push(mover.id);
    const positionCode = story.position ?? mover.position_code;
    const { rows: positions } = await client.query<{ id: number; block: string; is_elected: boolean }>(
      'SELECT id, block::text AS block, is_elected FROM position WHERE province_id = $1 AND code = $2', [provinceId, positionCode]);
    const position = positions[0];
    // An elected post is filled by election or designation, never by a transfer (the guards refuse it too).
    if (position.is_elected) throw new Error(`Demo transfers: ${positionCode} is an elected post, never a transfer's target`);
    const crossDistrict = from.old_district_id !== to.old_district_id;
    const audits: { at: string; actor: { id: number | null; name: string; role: string }; action: AuditEventName; after: Record<string, unknown>; envelope?: AuditEnvelope }[] = [];
    const home = { id: proposer.id, name: proposer.display_name, role: proposer.role };

    // The state machine, with each actor's policy: a step the application would refuse is a bug in the story.
    const walk = (action: TransferAction, state: TransferState | null, role: Role, input: Parameters<typeof checkTransferTransition>[3] = {}) => {
      const result = checkTransferTransition(action, state, (p) => isAllowed(role, p), input);
      if (!result.ok) throw new Error(`Demo transfers: ${action} from ${state} refused (${result.error})`);
      return result.to;
    };
    let state: TransferState = walk('propose', null, 'home_affairs');
    audits.push({
      at: story.proposedAt, actor: home, action: 'transfer.propose',
      after: { to: 'proposed', source: 'manual', cadre: mover.code, from: from.code, toCommune: to.code, position: positionCode, effectiveDate: story.effectiveDate, crossDistrict, comment: story.reason, justification: story.justification ?? null },
    });
    const chairman = (commune: { code: string; name: string }) => {
      const account = users.find((u) => u.role === 'commune_chairman' && u.commune_code === commune.code);
      return account ? { id: account.id, name: account.display_name, role: 'commune_chairman' } : { id: null, name: `Chủ tịch UBND ${commune.name}`, role: 'commune_chairman' };
    };
    for (const [side, opinion, commune] of [['from', story.fromOpinion, from], ['to', story.toOpinion, to]] as const) {
      if (!opinion) continue;
      walk('opinion', state, 'commune_chairman', { opinion: opinion.opinion });
      audits.push({ at: opinion.at, actor: chairman(commune), action: 'transfer.opinion', after: { side, commune: commune.code, opinion: opinion.opinion, comment: opinion.note ?? null } });
    }
    let decision: { number: string; date: string; by: number; issuingBodyId: number } | null = null;
    let closed: { declineReason: string | null; cancelReason: string | null; by: number | null } = { declineReason: null, cancelReason: null, by: null };
    if (story.step) {
      const actor = user(story.step.by)!;
      const actorRef = { id: actor.id, name: actor.display_name, role: actor.role };
      if (story.step.action === 'approve') {
        // The approval writes the move; the transfer is executed from its effective date, which nothing records.
        state = walk('approve', state, ROLE_OF[story.step.by], { decisionNumber: story.step.number, decisionDate: story.step.date, today: story.step.date, proposedOn: story.proposedAt.slice(0, 10) });
        decision = { number: story.step.number, date: story.step.date, by: actor.id, issuingBodyId: bodyOf.get(BODY_OF[story.step.by])! };
        audits.push({ at: story.step.at, actor: actorRef, action: 'transfer.approve', after: { from: 'proposed', to: state, decisionNumber: story.step.number, decisionDate: story.step.date, effectiveDate: story.effectiveDate, cadre: mover.code } });
      } else {
        state = walk(story.step.action, state, ROLE_OF[story.step.by], { reason: story.step.reason });
        closed = story.step.action === 'decline' ? { declineReason: story.step.reason, cancelReason: null, by: actor.id } : { declineReason: null, cancelReason: story.step.reason, by: null };
        audits.push({ at: story.step.at, actor: actorRef, action: `transfer.${story.step.action}`, after: { from: 'proposed', to: state, comment: story.step.reason, cadre: mover.code } });
      }
    }

    let newAssignmentId: number | null = null;
    let decisionId: number | null = null;
    if (decision) {
      const { rows: recorded } = await client.query<{ id: number }>(
        `INSERT INTO decision (province_id, issuing_body_id, number, date, kind, created_at) VALUES ($1, $2, $3, $4::date, 'transfer', $5) RETURNING id`,
        [provinceId, decision.issuingBodyId, decision.number.normalize('NFC'), decision.date, stamp(story.step!.at)],
      );
      decisionId = recorded[0].id;
      await client.query(`UPDATE assignment SET end_date = $2::date, end_decision_id = $3 WHERE id = $1`, [mover.assignment_id, dayBefore(story.effectiveDate), decisionId]);
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO assignment (cadre_id, commune_id, position_id, is_primary, start_date, decision_id, created_at) VALUES ($1, $2, $3, true, $4::date, $5, $6) RETURNING id`,
        [mover.id, to.id, position.id, story.effectiveDate, decisionId, stamp(story.step!.at)],
      );
      newAssignmentId = rows[0].id;
      // The approval's record names the assignments it wrote and carries its envelope, as the application's does.
      const approval = audits.find((a) => a.action === 'transfer.approve')!;
      approval.after = { ...approval.after, newAssignmentId, closedAssignmentIds: [mover.assignment_id] };
      approval.envelope = { effectiveOn: story.effectiveDate, decisionId, affectsFigures: true };
    }
    const opinion = (o: Opinion | undefined) => [o?.opinion ?? null, o?.note?.normalize('NFC') ?? null, o ? stamp(o.at) : null];
    const lastAt = audits[audits.length - 1].at;
    const { rows: inserted } = await client.query<{ id: number }>(
      `INSERT INTO transfer (province_id, cadre_id, from_commune_id, to_commune_id, from_assignment_id, position_id, block, cross_district, effective_date,
                             reason, justification, source, state, from_opinion, from_opinion_note, from_opinion_at, to_opinion, to_opinion_note, to_opinion_at,
                             decision_number, decision_date, decided_by_id, decline_reason, new_assignment_id, cancel_reason, proposed_by_id,
                             version, created_at, updated_at, decision_id, proposed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7::"Block", $8, $9::date, $10, $11, 'manual', $12::"TransferState", $13::"TransferOpinion", $14, $15, $16::"TransferOpinion", $17, $18,
               $19, $20::date, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30::date)
       RETURNING id`,
      [
        provinceId, mover.id, from.id, to.id, mover.assignment_id, position.id, position.block, crossDistrict, story.effectiveDate,
        story.reason.normalize('NFC'), story.justification?.normalize('NFC') ?? null, state, ...opinion(story.fromOpinion), ...opinion(story.toOpinion),
        decision?.number ?? null, decision?.date ?? null, decision?.by ?? closed.by, closed.declineReason,
        newAssignmentId, closed.cancelReason, proposer.id, audits.length,
        stamp(story.proposedAt), stamp(lastAt), decisionId, story.proposedAt.slice(0, 10),
      ],
    );
    const transferId = inserted[0].id;
    await recordAuditRows(client, audits.map((audit) => ({
      at: stamp(audit.at), provinceId, actor: audit.actor, event: { action: audit.action, entityId: transferId, after: audit.after, envelope: audit.envelope } as AuditEvent,
    })));
  }
  return true;
}
