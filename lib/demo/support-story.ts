import type { AuditEvent } from '@/lib/audit/events';
import type { Role } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/prisma';
import * as support from '@/lib/db/support-mutations';
import { createWorkingGroup, type WorkingGroupInput } from '@/lib/db/working-group-mutations';
import { coverageWarnings, supportTransition, type SupportAction, type SupportState } from '@/lib/domain/support';
import { StoryReplay, type StoryActor } from './replay';
import { storyClock } from './story-time';

// The demo's working groups and support requests (docs/decisions/044-support-requests-and-working-groups.md), replayed
// through the application's writes on the story's clock (lib/demo/replay.ts). Seeds 000 and 004: the Provincial
// People's Committee set up four working groups headed by its leaders; the Department of Home Affairs sent its
// Personnel and NGO department (head Nguyễn Thăng Long) to Tam Thái, Tương Dương and dozens of communes; problems fall
// in groups; those beyond the province's authority go to the Central level. One request of each state, from Tam Thái,
// Keng Đu, Nga My and Tương Dương (personnel, digital transformation, land).

type Account = { id: number; username: string; displayName: string; role: Role };

type GroupSpec = {
  key: string;
  name: string;
  kind: 'provincial' | 'department';
  department?: string;
  headName: string;
  members: string[];
  oldDistricts: string[];
  communes: string[];
  problems: string[];
};

const GROUPS: readonly GroupSpec[] = [
  {
    key: 'snv', name: 'Tổ hỗ trợ của Sở Nội vụ (Phòng Tổ chức cán bộ và Tổ chức phi chính phủ)', kind: 'department', department: 'SNV',
    headName: 'Nguyễn Thăng Long – Trưởng phòng Tổ chức cán bộ và Tổ chức phi chính phủ, Sở Nội vụ', members: ['so.noivu', 'noivu'],
    oldDistricts: ['KY_SON', 'TUONG_DUONG', 'QUE_PHONG', 'CON_CUONG'], communes: [], problems: ['personnel', 'institutions'],
  },
  {
    key: 'ppc1', name: 'Tổ công tác số 1 của UBND tỉnh', kind: 'provincial', headName: 'Lê Hồng Vinh – Chủ tịch UBND tỉnh', members: ['thuongtruc'],
    oldDistricts: ['KY_SON', 'TUONG_DUONG', 'CON_CUONG', 'QUE_PHONG', 'QUY_CHAU'], communes: [], problems: ['personnel', 'institutions', 'facilities', 'finance'],
  },
  {
    key: 'ppc2', name: 'Tổ công tác số 2 của UBND tỉnh', kind: 'provincial', headName: 'Bùi Thanh An – Phó Chủ tịch Thường trực UBND tỉnh', members: ['bantochuc'],
    oldDistricts: ['VINH', 'HUNG_NGUYEN', 'NAM_DAN', 'NGHI_LOC', 'DIEN_CHAU', 'YEN_THANH', 'QUYNH_LUU', 'HOANG_MAI'], communes: [],
    problems: ['finance', 'land', 'construction', 'institutions'],
  },
  {
    key: 'ppc3', name: 'Tổ công tác số 3 của UBND tỉnh', kind: 'provincial', headName: 'Phùng Thành Vinh – Phó Chủ tịch UBND tỉnh', members: ['bantochuc', 'noivu'],
    oldDistricts: ['TUONG_DUONG', 'ANH_SON', 'DO_LUONG', 'THANH_CHUONG', 'TAN_KY'], communes: [], problems: ['land', 'construction', 'facilities', 'environment', 'resources'],
  },
  {
    key: 'ppc4', name: 'Tổ công tác số 4 của UBND tỉnh', kind: 'provincial', headName: 'Phó Chủ tịch UBND tỉnh phụ trách khối văn xã', members: ['noivu'],
    oldDistricts: ['KY_SON', 'QUY_HOP', 'NGHIA_DAN', 'THAI_HOA'], communes: [], problems: ['digital', 'agriculture', 'environment', 'resources'],
  },
];

type Step =
  | { at: string; by: string; kind: 'raise'; ref: string; commune: string; problem: string; title: string; description: string; urgency: 'normal' | 'urgent' | 'critical' }
  | { at: string; by: string; kind: 'assign'; ref: string; group: string }
  | { at: string; by: string; kind: 'visit'; ref: string; on: string; members: string; summary: string }
  | { at: string; by: string; kind: 'answer'; ref: string; body: string }
  | { at: string; by: string; kind: 'resolve'; ref: string; resolution: string }
  | { at: string; by: string; kind: 'escalate'; ref: string; to: 'escalated_province' | 'escalated_central'; summary: string };

// In the order they were taken. Tam Thái's personnel request is the visit of seed 004 (Mr Lô Văn Triều, Decree 154).
const STEPS: readonly Step[] = [
  {
    at: '2025-08-04T08:30', by: 'xa.tamthai', kind: 'raise', ref: 'tamthai', commune: 'NA108', problem: 'personnel', urgency: 'urgent',
    title: 'Hướng dẫn hồ sơ nghỉ hưu trước tuổi, thôi việc theo Nghị định 154/2025/NĐ-CP',
    description: 'Công chức phụ trách nội vụ của xã (Phòng Văn hóa – Xã hội) phải thực hiện hơn 31 nhiệm vụ; hồ sơ tinh giản biên chế, nghỉ hưu trước tuổi và thôi việc theo Nghị định 154/2025/NĐ-CP còn nhiều vướng mắc. Đề nghị Sở Nội vụ cử cán bộ về hướng dẫn trực tiếp.',
  },
  { at: '2025-08-05T09:00', by: 'noivu', kind: 'assign', ref: 'tamthai', group: 'snv' },
  {
    at: '2025-08-12T17:00', by: 'so.noivu', kind: 'visit', ref: 'tamthai', on: '2025-08-12',
    members: 'Nguyễn Thăng Long (Trưởng phòng Tổ chức cán bộ và Tổ chức phi chính phủ), Phạm Thị Hồng Nhung (Sở Nội vụ)',
    summary: 'Cùng ông Lô Văn Triều, công chức Phòng Văn hóa – Xã hội, rà soát từng bước hồ sơ nghỉ hưu trước tuổi, thôi việc theo Nghị định 154/2025/NĐ-CP; nhiều hồ sơ được hoàn thiện tại xã và Sở Nội vụ tiếp nhận ngay để trình tỉnh.',
  },
  { at: '2025-08-13T08:00', by: 'so.noivu', kind: 'answer', ref: 'tamthai', body: 'Sở Nội vụ đã tiếp nhận 6 hồ sơ hoàn chỉnh tại xã. Các hồ sơ còn thiếu xác nhận quá trình công tác xin gửi qua hệ thống trước ngày 18/8/2025.' },
  { at: '2025-08-15T10:00', by: 'xa.tamthai', kind: 'answer', ref: 'tamthai', body: 'Xã đã bổ sung xác nhận quá trình công tác cho 2 hồ sơ còn lại và gửi qua bưu điện.' },
  { at: '2025-08-20T15:30', by: 'so.noivu', kind: 'resolve', ref: 'tamthai', resolution: 'Đã tiếp nhận đủ 8 hồ sơ, trình UBND tỉnh quyết định; công chức của xã tự thực hiện được các bước còn lại theo hướng dẫn.' },
  {
    at: '2025-08-28T07:45', by: 'xa.kengdu', kind: 'raise', ref: 'kengdu', commune: 'NA043', problem: 'digital', urgency: 'critical',
    title: 'Mất kết nối Internet sau bão số 5, không gửi được hồ sơ trên hệ thống',
    description: 'Sau bão số 5, đường truyền của Trung tâm Phục vụ hành chính công xã bị gián đoạn; không liên hệ được các sở qua điện thoại hay nhóm Zalo. Đề nghị hỗ trợ đường truyền dự phòng và hướng dẫn gửi hồ sơ khi mất mạng.',
  },
  { at: '2025-08-29T08:15', by: 'noivu', kind: 'assign', ref: 'kengdu', group: 'ppc4' },
  { at: '2025-09-02T16:00', by: 'noivu', kind: 'answer', ref: 'kengdu', body: 'Tổ đã đề nghị doanh nghiệp viễn thông khôi phục tuyến cáp; trong thời gian chờ, xã tiếp nhận hồ sơ giấy và gửi về tỉnh theo đường bưu chính.' },
  {
    at: '2025-09-10T09:20', by: 'xa.tuongduong', kind: 'raise', ref: 'tuongduong', commune: 'NA109', problem: 'land', urgency: 'urgent',
    title: 'Vướng mắc thẩm quyền giao đất, cho thuê đất trước đây do cấp huyện quyết định',
    description: 'Từ khi không còn cấp huyện, nhiều hồ sơ giao đất, cho thuê đất, chuyển mục đích sử dụng đất trước đây do UBND huyện quyết định chưa rõ thuộc thẩm quyền của UBND tỉnh hay UBND xã.',
  },
  { at: '2025-09-12T10:00', by: 'bantochuc', kind: 'assign', ref: 'tuongduong', group: 'ppc3' },
  {
    at: '2025-09-25T17:30', by: 'bantochuc', kind: 'visit', ref: 'tuongduong', on: '2025-09-25',
    members: 'Phùng Thành Vinh (Phó Chủ tịch UBND tỉnh), đại diện Sở Nông nghiệp và Môi trường, Sở Nội vụ',
    summary: 'Làm việc với UBND xã về 14 hồ sơ đất đai tồn đọng; thống nhất những hồ sơ tỉnh giải quyết được theo phân cấp hiện hành.',
  },
  {
    at: '2025-10-15T14:00', by: 'bantochuc', kind: 'escalate', ref: 'tuongduong', to: 'escalated_central',
    summary: 'Kiến nghị Bộ Nông nghiệp và Môi trường hướng dẫn thẩm quyền giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với các trường hợp trước ngày 01/7/2025 thuộc thẩm quyền UBND cấp huyện, để thống nhất áp dụng giữa UBND tỉnh và UBND cấp xã.',
  },
  {
    at: '2025-10-05T08:00', by: 'xa.ngamy', kind: 'raise', ref: 'ngamy-digital', commune: 'NA113', problem: 'digital', urgency: 'normal',
    title: 'Thiếu thiết bị và đường truyền cho Trung tâm Phục vụ hành chính công',
    description: 'Trung tâm Phục vụ hành chính công xã còn thiếu máy tính, máy quét và đường truyền dự phòng; cán bộ phải mang hồ sơ lên xã khác để gửi.',
  },
  { at: '2025-10-07T09:30', by: 'noivu', kind: 'assign', ref: 'ngamy-digital', group: 'ppc4' },
  {
    at: '2025-10-25T11:00', by: 'noivu', kind: 'escalate', ref: 'ngamy-digital', to: 'escalated_province',
    summary: 'Đề nghị UBND tỉnh bố trí kinh phí mua sắm thiết bị chuyển đổi số cho các xã miền núi, biên giới, ưu tiên Nga My, Keng Đu.',
  },
  {
    at: '2025-10-20T15:00', by: 'xa.ngamy', kind: 'raise', ref: 'ngamy-personnel', commune: 'NA113', problem: 'personnel', urgency: 'urgent',
    title: 'Thiếu Trưởng phòng Kinh tế và Phó Giám đốc Trung tâm Phục vụ hành chính công',
    description: 'Xã thiếu 17 biên chế; vị trí Trưởng phòng Kinh tế, Phó Trưởng phòng Văn hóa – Xã hội và Phó Giám đốc Trung tâm Phục vụ hành chính công còn khuyết. Đề nghị tỉnh điều động, biệt phái cán bộ có chuyên môn.',
  },
];

const ACTION_OF: Record<Step['kind'], SupportAction | null> = { raise: null, assign: 'assign', visit: 'visit', answer: 'answer', resolve: 'resolve', escalate: 'escalateProvince' };

/**
 * Sets up the demo's working groups and replays its support requests, once per province (nothing when the province
 * already has a working group, or lacks the accounts or the problem groups). Returns whether it wrote anything.
 */
export async function seedDemoSupport(db: Db, provinceCode = 'NA'): Promise<boolean> {
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true } });
  if (!province) return false;
  if (await db.workingGroup.findFirst({ where: { provinceId: province.id }, select: { id: true } })) return false;
  const [users, problems, communes, departments] = await Promise.all([
    db.user.findMany({ where: { provinceId: province.id }, select: { id: true, username: true, displayName: true, role: true } }),
    db.problemGroup.findMany({ where: { provinceId: province.id }, select: { id: true, code: true } }),
    db.commune.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, name: true, oldDistrict: { select: { code: true } } } }),
    db.department.findMany({ where: { provinceId: province.id }, select: { id: true, code: true } }),
  ]);
  const account = new Map<string, Account>(users.map((u) => [u.username, u as Account]));
  const needed = new Set([...GROUPS.flatMap((g) => g.members), ...STEPS.map((s) => s.by)]);
  if ([...needed].some((u) => !account.has(u)) || problems.length === 0) return false;
  const problemId = new Map(problems.map((p) => [p.code, p.id]));
  const communeBy = new Map(communes.map((c) => [c.code, c]));
  const replay = new StoryReplay(db, province.id);
  const actor = (username: string): StoryActor & { id: number } => {
    const a = account.get(username)!;
    // Named as the demo's other stories name their actors (lib/demo/transfers.ts): by the account's display name.
    return { id: a.id, name: a.displayName, role: a.role };
  };

  // The groups, set up by Home Affairs in July 2025.
  const groups = new Map<string, { id: number; name: string; communeIds: number[]; problemGroupIds: number[]; users: number[] }>();
  for (const [i, spec] of GROUPS.entries()) {
    const clock = storyClock(`2025-07-1${i}T09:00`);
    const communeIds = communes.filter((c) => spec.oldDistricts.includes(c.oldDistrict.code) || spec.communes.includes(c.code)).map((c) => c.id).sort((a, b) => a - b);
    const input: WorkingGroupInput = {
      provinceId: province.id, name: spec.name, kind: spec.kind, departmentId: spec.department ? (departments.find((d) => d.code === spec.department)?.id ?? null) : null,
      headUserId: null, headName: spec.headName, memberIds: spec.members.map((m) => account.get(m)!.id),
      communeIds, problemGroupIds: spec.problems.map((p) => problemId.get(p)!).filter((id) => id !== undefined),
    };
    const id = await replay.write(actor('noivu'), clock, `working group ${spec.key}`, async (tx) => {
      const groupId = await createWorkingGroup(tx, input, clock.at);
      const after = {
        name: spec.name, kind: spec.kind, department: spec.department ?? null, headUserId: null, headName: spec.headName, memberNames: spec.members,
        communeCodes: communes.filter((c) => communeIds.includes(c.id)).map((c) => c.code).sort(), problemGroups: spec.problems,
      };
      return { value: groupId, audit: { action: 'workingGroup.create', entityType: 'working_group', entityId: groupId, after } as AuditEvent };
    });
    groups.set(spec.key, { id, name: spec.name, communeIds, problemGroupIds: input.problemGroupIds as number[], users: input.memberIds as number[] });
  }

  // The requests, step by step, each through the mutation its action calls and with the inbox items it leaves.
  const requests = new Map<string, { id: number; communeId: number; communeCode: string; communeName: string; title: string; problemGroupId: number; state: SupportState; version: number; groupKey: string | null }>();
  for (const step of [...STEPS].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const clock = storyClock(step.at);
    const by = actor(step.by);
    const what = `support ${step.kind} ${step.ref}`;
    if (step.kind === 'raise') {
      const commune = communeBy.get(step.commune)!;
      replay.allow(by, 'support.raise', what);
      const problemGroupId = problemId.get(step.problem)!;
      const id = await replay.write(by, clock, what, async (tx) => {
        const requestId = await support.insertSupportRequest(tx, {
          provinceId: province.id, communeId: commune.id, problemGroupId, title: step.title, description: step.description, urgency: step.urgency, raisedById: by.id, raisedOn: clock.today,
        }, clock.at);
        await support.notifySupport(tx, 'raised', { id: requestId, provinceId: province.id, communeId: commune.id, title: step.title, communeName: commune.name, workingGroupId: null }, { actorId: by.id });
        return { value: requestId, audit: { action: 'support.raise', entityType: 'support_request', entityId: requestId, after: { to: 'open', commune: commune.code, problemGroup: step.problem, title: step.title, urgency: step.urgency } } as AuditEvent };
      });
      requests.set(step.ref, { id, communeId: commune.id, communeCode: commune.code, communeName: commune.name, title: step.title, problemGroupId, state: 'open', version: 1, groupKey: null });
      continue;
    }
    const request = requests.get(step.ref)!;
    const action = step.kind === 'escalate' && step.to === 'escalated_central' ? 'escalateCentral' : ACTION_OF[step.kind]!;
    const transition = supportTransition(action, request.state);
    if (!transition.ok) throw new Error(`demo story: ${what} from ${request.state}`);
    const ref = { id: request.id, provinceId: province.id, communeId: request.communeId, title: request.title, communeName: request.communeName, workingGroupId: request.groupKey ? groups.get(request.groupKey)!.id : null };
    const group = request.groupKey ? groups.get(request.groupKey)! : null;
    // Membership grants the group's steps; the commune's chairman answers for the commune.
    if (step.kind !== 'assign' && by.role !== 'commune_chairman' && !group?.users.includes(by.id)) throw new Error(`demo story: ${step.by} is not of the group (${what})`);
    switch (step.kind) {
      case 'assign': {
        replay.allow(by, 'support.assign', what);
        const target = groups.get(step.group)!;
        const warnings = coverageWarnings(target, request).map((w) => (w === 'support.assign.warnings.commune' ? 'commune' : 'problem'));
        await replay.write(by, clock, what, async (tx) => {
          await support.assignSupportRequest(tx, { requestId: request.id, version: request.version, from: request.state, workingGroupId: target.id, assignedOn: clock.today }, clock.at);
          await support.notifySupport(tx, 'assigned', { ...ref, workingGroupId: target.id }, { actorId: by.id, groupName: target.name });
          return { value: undefined, audit: { action: 'support.assign', entityType: 'support_request', entityId: request.id, after: { from: request.state, to: 'assigned', workingGroup: target.name, previousGroup: group?.name ?? null, warnings } } as AuditEvent };
        });
        request.groupKey = step.group;
        request.version += 1;
        break;
      }
      case 'visit': {
        replay.allow(by, 'support.work', what);
        await replay.write(by, clock, what, async (tx) => {
          const visitId = await support.insertSupportVisit(tx, { workingGroupId: group!.id, communeId: request.communeId, requestId: request.id, visitedOn: step.on, members: step.members, summary: step.summary, recordedById: by.id }, clock.at);
          return { value: undefined, audit: { action: 'support.visit', entityType: 'support_request', entityId: request.id, after: { visitId, workingGroup: group!.name, commune: request.communeCode, visitedOn: step.on, visitMembers: step.members, summary: step.summary } } as AuditEvent };
        });
        break;
      }
      case 'answer': {
        replay.allow(by, 'support.answer', what);
        const side = by.role === 'commune_chairman' ? ('commune' as const) : ('group' as const);
        await replay.write(by, clock, what, async (tx) => {
          const answerId = await support.insertSupportAnswer(tx, { requestId: request.id, authorId: by.id, body: step.body }, clock.at);
          await support.notifySupport(tx, 'answered', ref, { actorId: by.id, side, groupName: group?.name ?? null });
          return { value: undefined, audit: { action: 'support.answer', entityType: 'support_request', entityId: request.id, after: { answerId, side, body: step.body } } as AuditEvent };
        });
        break;
      }
      case 'resolve': {
        replay.allow(by, 'support.work', what);
        await replay.write(by, clock, what, async (tx) => {
          await support.resolveSupportRequest(tx, { requestId: request.id, version: request.version, from: request.state, resolution: step.resolution, resolvedOn: clock.today }, clock.at);
          await support.notifySupport(tx, 'resolved', ref, { actorId: by.id, groupName: group?.name ?? null });
          return { value: undefined, audit: { action: 'support.resolve', entityType: 'support_request', entityId: request.id, after: { from: request.state, to: 'resolved', resolution: step.resolution } } as AuditEvent };
        });
        request.version += 1;
        break;
      }
      case 'escalate': {
        replay.allow(by, 'support.work', what);
        await replay.write(by, clock, what, async (tx) => {
          await support.escalateSupportRequest(tx, { requestId: request.id, version: request.version, from: request.state, to: step.to, summary: step.summary, escalatedOn: clock.today }, clock.at);
          await support.notifySupport(tx, 'escalated', ref, { actorId: by.id, groupName: group?.name ?? null, to: step.to });
          return { value: undefined, audit: { action: 'support.escalate', entityType: 'support_request', entityId: request.id, after: { from: request.state, to: step.to, summary: step.summary } } as AuditEvent };
        });
        request.version += 1;
        break;
      }
    }
    request.state = transition.to;
  }
  return true;
}
