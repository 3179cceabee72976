import { describe, expect, test } from 'vitest';
import { SOLVER_STAGES, type MoveReasonPart, type PlanExplanation, type StageDiagnostic, type ViolationMessage } from '@/lib/domain/proposals';
import { renderMoveReason, renderPlanExplanation, renderViolation } from '@/lib/i18n/plan-messages';
import { translatorFor } from '@/lib/i18n/translator';

// The engine's sentences, rendered from the catalogues: the Vietnamese wording is the engine's published one,
// character for character (the command line's file and a proposal's stored reason depend on it). Their English
// twins and placeholders are checked with every other key in tests/unit/messages-at-edge.test.ts.

const tVi = translatorFor('vi');
const tEn = translatorFor('en');

const balance = (from: string, fromDifference: number, to: string, toDifference: number): MoveReasonPart => ({
  key: 'transferPlan.reasons.balance',
  params: { from, fromDifference, to, toDifference },
});

describe('a move reason', () => {
  test.each<[string, MoveReasonPart[], string]>([
    [
      'a key post in the same old district',
      [balance('Yên Xuân', 30, 'Nhân Hòa', -7), { key: 'transferPlan.reasons.fillsKey', params: { title: 'Phó Chánh Văn phòng Đảng ủy' } }, { key: 'transferPlan.reasons.sameOldDistrict', params: {} }],
      'Yên Xuân +30 → Nhân Hòa \u22127; bổ sung Phó Chánh Văn phòng Đảng ủy; cùng địa bàn huyện cũ',
    ],
    [
      'a shortage of the Party and Front block across old districts',
      [balance('Yên Xuân', 29, 'Mường Xén', -5), { key: 'transferPlan.reasons.coversShortage', params: { block: 'party_front' } }, { key: 'transferPlan.reasons.otherOldDistrict', params: {} }],
      'Yên Xuân +29 → Mường Xén \u22125; bù thiếu biên chế khối Đảng, Mặt trận; khác địa bàn huyện cũ',
    ],
    [
      'a declared need of the person’s field, a commune at its quota',
      [balance('Xã A', 0, 'Xã B', -1), { key: 'transferPlan.reasons.coversShortageInField', params: { block: 'government', field: 'accounting' } }, { key: 'transferPlan.reasons.sameOldDistrict', params: {} }],
      'Xã A 0 → Xã B \u22121; bù thiếu biên chế khối Chính quyền, đúng chuyên môn Tài chính – Kế toán; cùng địa bàn huyện cũ',
    ],
    [
      'a field the catalogue does not name: its code',
      [balance('Xã A', 2, 'Xã B', -1), { key: 'transferPlan.reasons.coversShortageInField', params: { block: 'government', field: 'forestry' } }, { key: 'transferPlan.reasons.sameOldDistrict', params: {} }],
      'Xã A +2 → Xã B \u22121; bù thiếu biên chế khối Chính quyền, đúng chuyên môn forestry; cùng địa bàn huyện cũ',
    ],
  ])('%s', (_label, reason, text) => {
    expect(renderMoveReason(tVi, reason)).toBe(text);
    expect(renderMoveReason(tEn, reason)).not.toMatch(/transferPlan\./);
  });
});

describe('why a plan is empty', () => {
  test.each<[string, PlanExplanation, string]>([
    ['the province', { key: 'transferPlan.explanations.noSurplus', params: { scope: { kind: 'province' } } }, 'Không có xã nào thừa biên chế trong tỉnh: không có ai để điều chuyển.'],
    [
      'a district, its prefix in lower case',
      { key: 'transferPlan.explanations.noSurplus', params: { scope: { kind: 'oldDistrict', name: 'Huyện Kỳ Sơn' } } },
      'Không có xã nào thừa biên chế trên địa bàn huyện Kỳ Sơn cũ: không có ai để điều chuyển.',
    ],
    [
      'a town',
      { key: 'transferPlan.explanations.noNeed', params: { scope: { kind: 'oldDistrict', name: 'Thị xã Hoàng Mai' } } },
      'Không có xã nào thiếu biên chế hoặc thiếu vị trí chủ chốt trên địa bàn thị xã Hoàng Mai cũ.',
    ],
    [
      'nobody movable',
      { key: 'transferPlan.explanations.noMovable', params: { scope: { kind: 'province' } } },
      'Các xã thừa biên chế trong tỉnh không có cán bộ, công chức nào có thể điều chuyển (người giữ vị trí chủ chốt không được điều chuyển).',
    ],
  ])('%s', (_label, explanation, text) => {
    expect(renderPlanExplanation(tVi, explanation)).toBe(text);
    expect(renderPlanExplanation(tEn, explanation)).not.toMatch(/transferPlan\./);
  });
});

test.each<[ViolationMessage, string]>([
  [{ key: 'transferPlan.violations.overSurplus', params: { commune: 'Yên Xuân', outgoing: 14, surplus: 12 } }, 'Yên Xuân: số người đi vượt số thừa (14 > 12)'],
  [{ key: 'transferPlan.violations.notShort', params: { commune: 'Tam Thái' } }, 'Tam Thái: nhận người không bổ sung vị trí chủ chốt khi không còn thiếu'],
  [{ key: 'transferPlan.violations.movedTwice', params: {} }, 'Một người được điều chuyển hai lần'],
])('a broken guard: %j', (message, text) => {
  expect(renderViolation(tVi, message)).toBe(text);
});

describe("the solver's details, in the reader's language", () => {
  const line = (t: typeof tVi, s: Omit<StageDiagnostic, 'objective' | 'ms'>) =>
    t('transferPlan.diagnostics.stage', { stage: t(`transferPlan.diagnostics.stages.${s.stage}`), method: s.method, status: s.status, objective: '12', ms: '30' });

  test.each<[Omit<StageDiagnostic, 'objective' | 'ms'>, string, string]>([
    [{ stage: 'key_places', method: 'lp', status: 'optimal' }, 'Vị trí chủ chốt được bổ sung (quy hoạch tuyến tính): tối ưu, giá trị 12, 30 ms', 'Key places filled (linear programme): optimal, value 12, 30 ms'],
    [{ stage: 'ties', method: 'mip', status: 'time_limit' }, 'Phân định phương án ngang nhau (quy hoạch nguyên): hết thời gian, giá trị 12, 30 ms', 'Tie-breaking between equal plans (integer programme): time limit reached, value 12, 30 ms'],
  ])('%j', (stage, vietnamese, english) => {
    expect(line(tVi, stage)).toBe(vietnamese);
    expect(line(tEn, stage)).toBe(english);
  });

  test('every stage has a label in both languages', () => {
    for (const t of [tVi, tEn]) expect(SOLVER_STAGES.filter((stage) => !t.has(`transferPlan.diagnostics.stages.${stage}`))).toEqual([]);
  });
});
