import type { AuditEvent } from '@/lib/audit/events';
import type { Role } from '@/lib/auth/roles';
import { poolOf, type Db } from '@/lib/db/prisma';
import * as transfers from '@/lib/db/transfer-mutations';
import { checkTransferTransition, type TransferAction, type TransferState, type TransferTransitionInput } from '@/lib/domain/transfer';
import { StoryReplay, type StoryActor } from './replay';
import { inStoryOrder, storyClock } from './story-time';

// The demo story of the transfer workflow (decision 016, "Demo data"), loaded after the demo province, its accounts and
// the secondments by seedDemo. A few transfers in each state, within the old district except one (with its written
// justification): two taking effect in October 2025 (executed by the demo's today), one approved taking effect on
// 01/12/2025, proposals with and without the communes' opinions, one declined, one cancelled.
//
// The published figures stay true (docs/domain.md, Published figures): every approved move
// takes a civil servant holding no key post out of a commune well above its quota (it stays above) into a
// non-key post of a commune of the same old district short by two or more in that block (it stays short), so
// headcounts of the province and of each old district, key vacancies and the "56 of 130" do not change. Named
// communes of the articles (Nga My, Bắc Lý, Hoa Quân…) are only touched by proposals, which change nothing.
// Most surplus civil servants stay untouched, so the proposal engine still has moves to offer.
//
// Every step, in the order of the story's time, is replayed as the server actions of lib/actions/transfers take it:
// the state machine of lib/domain/transfer.ts with the actor's policy, then the mutations of
// lib/db/transfer-mutations.ts (their guards included: the quota guard, one open transfer per person, the decision
// recorded at approval) and the action's audit event, in one transaction on the story's clock (lib/demo/replay.ts).
// Chairmen without a demo account: actor_id NULL, actor_name "Chủ tịch UBND <commune>", role commune_chairman.
// An approval is recorded by a decision of the approver's body (Sở Nội vụ or Ban Tổ chức Tỉnh ủy); execution is
// read from the effective date (no record).

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
    // In the Party and Front block: Vân Tụ's government block is at its quota, and the quota guard refuses a move into it.
    from: 'NA123', to: 'NA125', block: 'party_front', position: null, effectiveDate: '2025-11-15', proposedAt: '2025-10-13T08:00',
    reason: 'Vân Tụ thiếu 2 công chức khối Đảng, Mặt trận Tổ quốc và các đoàn thể.',
    step: { action: 'cancel', by: 'noivu', reason: 'Vân Tụ đã tuyển dụng đủ qua kỳ thi công chức.', at: '2025-10-28T10:00' },
  },
];

/** The province-level body whose decision each approver records (issuing_body codes of migration 20261207000100). */
const BODY_OF: Record<'noivu' | 'bantochuc', string> = { noivu: 'SNV', bantochuc: 'BTCTU' };

type Mover = { id: number; code: string; position_code: string };

async function pickMover(db: Db, provinceId: number, communeCode: string, block: string, taken: number[]): Promise<Mover> {
  const { rows } = await poolOf(db).query<Mover>(
    `SELECT c.id, c.code, p.code AS position_code
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

/** One step of one transfer's story, at its local time. */
type TransferStep = { story: Story; at: string } & ({ kind: 'propose' } | { kind: 'opinion'; side: 'from' | 'to'; opinion: Opinion } | { kind: 'decide'; step: Step });

/** Every transfer's steps, in the order they were taken: by time, and in the order written at the same time. */
function orderedSteps(): TransferStep[] {
  const steps = STORIES.flatMap((story): TransferStep[] => [
    { story, at: story.proposedAt, kind: 'propose' },
    ...(story.fromOpinion ? [{ story, at: story.fromOpinion.at, kind: 'opinion' as const, side: 'from' as const, opinion: story.fromOpinion }] : []),
    ...(story.toOpinion ? [{ story, at: story.toOpinion.at, kind: 'opinion' as const, side: 'to' as const, opinion: story.toOpinion }] : []),
    ...(story.step ? [{ story, at: story.step.at, kind: 'decide' as const, step: story.step }] : []),
  ]);
  return inStoryOrder(steps);
}

type Commune = { id: number; code: string; name: string };
type Account = StoryActor & { username: string; communeCode: string | null };
type Proposed = { id: number; cadreCode: string; from: Commune; to: Commune };

class TransferReplay extends StoryReplay {
  private readonly proposed = new Map<Story, Proposed>();
  private readonly taken: number[] = [];

  constructor(
    db: Db,
    provinceId: number,
    private readonly accounts: readonly Account[],
    private readonly communes: ReadonlyMap<string, Commune>,
    private readonly positions: ReadonlyMap<string, { id: number; isElected: boolean }>,
    private readonly bodies: ReadonlyMap<string, number>,
  ) {
    super(db, provinceId);
  }

  private account(username: string): Account {
    const account = this.accounts.find((a) => a.username === username);
    if (!account) throw new Error(`Demo transfers: no demo account ${username}`);
    return account;
  }

  private chairman(commune: Commune): StoryActor {
    const account = this.accounts.find((a) => a.role === 'commune_chairman' && a.communeCode === commune.code);
    return account ? { id: account.id, name: account.name, role: 'commune_chairman' } : { id: null, name: `Chủ tịch UBND ${commune.name}`, role: 'commune_chairman' };
  }

  /** The state machine, with the actor's policy: a step the application would refuse is a bug in the story. */
  private walk(action: TransferAction, state: TransferState | null, actor: StoryActor, input: TransferTransitionInput = {}): TransferState {
    const result = checkTransferTransition(action, state, (p) => this.allows(actor, p), input);
    if (!result.ok) throw new Error(`Demo transfers: ${action} from ${state} refused (${result.error})`);
    return result.to;
  }

  async step(step: TransferStep): Promise<void> {
    const clock = storyClock(step.at);
    const { story } = step;
    const what = `transfer ${story.from} → ${story.to} ${step.kind}`;
    if (step.kind === 'propose') {
      const home = this.account('noivu');
      const from = this.communes.get(story.from)!;
      const to = this.communes.get(story.to)!;
      const mover = await pickMover(this.db, this.provinceId, story.from, story.block, this.taken);
      this.taken.push(mover.id);
      const positionCode = story.position ?? mover.position_code;
      const position = this.positions.get(positionCode)!;
      // An elected post is filled by election or designation, never by a transfer (the guards refuse it too).
      if (position.isElected) throw new Error(`Demo transfers: ${positionCode} is an elected post, never a transfer's target`);
      this.walk('propose', null, home);
      const reason = story.reason.normalize('NFC');
      const transferId = await this.write(home, clock, what, (tx) =>
        transfers.proposeTransfer(tx, this.db, {
          provinceId: this.provinceId, cadreId: mover.id, toCommuneId: to.id, positionId: position.id, effectiveDate: story.effectiveDate, reason,
          justification: story.justification?.normalize('NFC') ?? null, source: 'manual', proposedById: home.id!,
        }, clock.today, clock.at),
      );
      this.proposed.set(story, { id: transferId, cadreCode: mover.code, from, to });
      return;
    }
    const transfer = this.proposed.get(story);
    if (!transfer) throw new Error(`Demo transfers: ${what} before the proposal`);
    const current = () => this.db.transfer.findUniqueOrThrow({ where: { id: transfer.id }, select: { state: true, version: true, proposedOn: true } });
    if (step.kind === 'opinion') {
      const commune = step.side === 'from' ? transfer.from : transfer.to;
      const actor = this.chairman(commune);
      const { opinion } = step.opinion;
      const note = step.opinion.note?.normalize('NFC') ?? null;
      const { state, version } = await current();
      this.walk('opinion', state, actor, { opinion });
      await this.write(actor, clock, what, async (tx) => {
        await transfers.recordTransferOpinion(tx, { transferId: transfer.id, version, side: step.side, opinion, note, at: clock.at });
        return { audit: { action: 'transfer.opinion', entityId: transfer.id, after: { side: step.side, commune: commune.code, opinion, comment: note } }, value: undefined };
      });
      return;
    }
    const decision = step.step;
    const account = this.account(decision.by);
    const { state, version, proposedOn } = await current();
    if (decision.action === 'approve') {
      this.walk('approve', state, account, { decisionNumber: decision.number, decisionDate: decision.date, today: clock.today, proposedOn: proposedOn.toISOString().slice(0, 10) });
      const issuingBodyId = this.bodies.get(BODY_OF[decision.by]);
      if (issuingBodyId === undefined) throw new Error(`Demo transfers: no issuing body ${BODY_OF[decision.by]}`);
      const decisionNumber = decision.number.normalize('NFC');
      await this.write(account, clock, what, async (tx) => {
        const approved = await transfers.approveTransfer(tx, this.db, {
          transferId: transfer.id, provinceId: this.provinceId, version, decisionNumber, decisionDate: decision.date, issuingBodyId, decidedById: account.id!,
        }, clock.today, clock.at);
        return { audit: transfers.approvalAudit(transfer.id, transfer.cadreCode, { decisionNumber, decisionDate: decision.date }, approved), value: undefined };
      });
      return;
    }
    const reason = decision.reason.normalize('NFC');
    this.walk(decision.action, state, account, { reason });
    await this.write(account, clock, what, async (tx) => {
      const after = { from: 'proposed' as const, comment: reason, cadre: transfer.cadreCode };
      if (decision.action === 'decline') {
        await transfers.closeTransfer(tx, { transferId: transfer.id, version, state: 'declined', reason, decidedById: account.id! }, clock.at);
        return { audit: { action: 'transfer.decline', entityId: transfer.id, after: { ...after, to: 'declined' } } satisfies AuditEvent, value: undefined };
      }
      await transfers.closeTransfer(tx, { transferId: transfer.id, version, state: 'cancelled', reason }, clock.at);
      return { audit: { action: 'transfer.cancel', entityId: transfer.id, after: { ...after, to: 'cancelled' } } satisfies AuditEvent, value: undefined };
    });
  }
}

/**
 * Replays the transfer story into province `provinceCode` (with its demo accounts) unless it already has a transfer.
 * Returns whether it wrote anything.
 */
export async function seedDemoTransfers(db: Db, provinceCode = 'NA'): Promise<boolean> {
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true } });
  if (!province) return false;
  if (await db.transfer.findFirst({ where: { provinceId: province.id }, select: { id: true } })) return false;
  const users = await db.user.findMany({
    where: { provinceId: province.id },
    select: { id: true, username: true, displayName: true, role: true, commune: { select: { code: true } } },
  });
  if (!users.some((u) => u.username === 'noivu')) return false;
  const accounts = users.map((u) => ({ id: u.id, username: u.username, name: u.displayName, role: u.role as Role, communeCode: u.commune?.code ?? null }));
  const communes = await db.commune.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, name: true } });
  const positions = await db.position.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, isElected: true } });
  const bodies = await db.issuingBody.findMany({ where: { provinceId: province.id, communeId: null }, select: { id: true, code: true } });
  const replay = new TransferReplay(
    db, province.id, accounts, new Map(communes.map((c) => [c.code, c])), new Map(positions.map((p) => [p.code, p])), new Map(bodies.map((b) => [b.code, b.id])),
  );
  for (const step of orderedSteps()) await replay.step(step);
  return true;
}
