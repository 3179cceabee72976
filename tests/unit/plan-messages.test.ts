import { describe, expect, test } from 'vitest';
import type { MoveReasonPart, PlanExplanation, ViolationMessage } from '@/lib/domain/proposals';
import { renderMoveReason, renderPlanExplanation, renderViolation } from '@/lib/i18n/plan-messages';
import { translatorFor } from '@/lib/i18n/translator';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';

// The engine's sentences, rendered from the catalogues: the Vietnamese wording is the engine's published one,
// character for character (the command line's file and a proposal's stored reason depend on it).

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

test('every engine sentence has its English twin, with the same placeholders', () => {
  const sections = ['reasons', 'explanations', 'violations', 'accept'] as const;
  const leaves = (node: unknown, prefix: string): [string, string][] =>
    typeof node === 'string' ? [[prefix, node]] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
  // A district's name is given twice (as named, and with its prefix in lower case for a Vietnamese sentence).
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => (m[1] === 'nameInSentence' ? 'name' : m[1])).sort();
  for (const section of sections) {
    const viLeaves = leaves(vi.transferPlan[section], `transferPlan.${section}`);
    const enLeaves = new Map(leaves(en.transferPlan[section], `transferPlan.${section}`));
    expect(viLeaves.length).toBeGreaterThan(0);
    for (const [key, text] of viLeaves) {
      expect(enLeaves.has(key), key).toBe(true);
      expect(placeholders(enLeaves.get(key)!), key).toEqual(placeholders(text));
    }
  }
});
