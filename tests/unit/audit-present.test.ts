import { describe, expect, test } from 'vitest';
import { createTranslator } from 'use-intl/core';
import { z } from 'zod';
import { AUDIT_EVENTS } from '@/lib/audit/events';
import { AUDIT_FIELD_NAMES, collectAuditReferences, presentAuditRow, type AuditLookup, type AuditPayloadRow, type AuditText } from '@/lib/audit/present';
import { formattersFor } from '@/lib/i18n/format';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';
import { auditTranslator, renderAuditChange, renderAuditText } from '@/components/audit/audit-text';

// lib/audit/present.ts: an audit row's payloads as labelled, formatted changes (decision 020), read
// through the real catalogues, as the audit page, its CSV export and the timelines show them.

const lookup: AuditLookup = {
  commune: new Map([['NA102', 'Hòa Quân'], ['NA113', 'Nga My']]),
  communeId: new Map([['12', 'Hòa Quân']]),
  department: new Map([['SNV', 'Sở Nội vụ']]),
  departmentId: new Map([['3', 'Sở Nội vụ']]),
  position: new Map([['CHAIRMAN', 'Chủ tịch UBND'], ['ECONOMIC_HEAD', 'Trưởng phòng Kinh tế'], ['OFFICE_SPECIALIST', 'Công chức Văn phòng']]),
  positionId: new Map([['40', 'Công chức Tư pháp – Hộ tịch']]),
  cadre: new Map([['CB010229', 'Lương Thị Hiền (CB010229)']]),
  cadreId: new Map([['7', 'Lương Thị Hiền (CB010229)']]),
  list: new Map([['1', { key: 'audit.names.secondmentList', params: { department: 'Sở Nội vụ', phase: '1/2025' } }]]),
};

const tVi = auditTranslator(createTranslator({ locale: 'vi', messages: vi }));
const tEn = auditTranslator(createTranslator({ locale: 'en', messages: en }));

/** The changes as the CSV writes them, in Vietnamese unless told. */
function lines(row: AuditPayloadRow, options: { locale?: 'vi' | 'en'; omit?: string[] } = {}): string[] {
  const locale = options.locale ?? 'vi';
  const presentation = presentAuditRow(row, { lookup, format: formattersFor(locale), omit: options.omit });
  return presentation.changes.map((change) => renderAuditChange(locale === 'vi' ? tVi : tEn, change, presentation));
}

const row = (action: string, entityType: string, before: unknown, after: unknown): AuditPayloadRow => ({ action, entityType, before, after });

describe('canonical events read as "field: before → after"', () => {
  test.each([
    {
      label: 'a list submitted late and below the minimum, with its justification',
      row: row('secondment.list.submit', 'secondment_list', null, { from: 'returned', to: 'submitted', counted: 1234, minimum: 7, late: true, justification: 'Bổ sung sau.' }),
      expected: ['Trạng thái: Trả lại để hoàn thiện → Đã gửi, chờ thẩm định', 'Số người được tính: 1.234', 'Số người tối thiểu: 7', 'Gửi muộn: Có', 'Giải trình: Bổ sung sau.'],
    },
    {
      label: 'a candidate approved by a Conclusion',
      row: row('secondment.candidate.approve', 'secondment_candidate', null, { from: 'forwarded', to: 'approved', conclusion: { number: '612-KL/TU', date: '2025-11-10' } }),
      expected: ['Trạng thái: Đã trình → Đã phê duyệt', 'Kết luận: 612-KL/TU ngày 10/11/2025'],
    },
    {
      label: 'a placement: commune and position by name, dates dd/MM/yyyy',
      row: row('secondment.candidate.place', 'secondment_candidate', null, {
        from: 'approved', to: 'placed', commune: 'NA113', position: 'ECONOMIC_HEAD', startDate: '2025-10-01', endDate: '2028-09-30', cadre: 'CB010229',
      }),
      expected: ['Trạng thái: Đã phê duyệt → Đã bố trí', 'Cán bộ, công chức: Lương Thị Hiền (CB010229)', 'Xã, phường: Nga My', 'Chức danh: Trưởng phòng Kinh tế', 'Ngày bắt đầu: 01/10/2025', 'Ngày kết thúc: 30/09/2028'],
    },
    {
      label: "a proposed transfer: `from` is the commune it leaves, not a state; the engine's source",
      row: row('transfer.propose', 'transfer', null, {
        to: 'proposed', source: 'engine', cadre: 'CB010229', from: 'NA102', toCommune: 'NA113', position: 'OFFICE_SPECIALIST',
        effectiveDate: '2025-11-01', crossDistrict: false, comment: 'Thừa 7 người.', justification: null,
      }),
      expected: [
        'Trạng thái: Đề xuất, chờ quyết định', 'Cán bộ, công chức: Lương Thị Hiền (CB010229)', 'Xã nơi đi: Hòa Quân', 'Xã nơi đến: Nga My',
        'Chức danh: Công chức Văn phòng', 'Ngày hiệu lực: 01/11/2025', 'Nguồn đề xuất: Từ phương án đề xuất', 'Sang huyện cũ khác: Không', 'Ý kiến, lý do: Thừa 7 người.',
      ],
    },
    {
      label: 'an opinion withdrawn reads "no opinion", not an empty cell',
      row: row('transfer.opinion', 'transfer', null, { side: 'to', commune: 'NA113', opinion: null, comment: null }),
      expected: ['Xã, phường: Nga My', 'Bên: Xã nơi đến', 'Ý kiến của xã: Chưa có ý kiến'],
    },
    {
      label: 'a user changed: only what changed, ids resolved, the version left out',
      row: row('user.update',
        'user',
        { username: 'xa.hoaquan', displayName: 'Nguyễn Đình Quân', role: 'commune_chairman', communeId: 12, departmentId: null, isActive: true, mustChangePassword: false, version: 3 },
        { username: 'xa.hoaquan', displayName: 'Nguyễn Đình Quân', role: 'department_officer', communeId: null, departmentId: 3, isActive: true, mustChangePassword: false, version: 4, sessionsEnded: 2 }),
      expected: ['Vai trò: Chủ tịch UBND xã → Cán bộ sở, ngành', 'Xã, phường phụ trách: Hòa Quân → —', 'Sở, ban, ngành: — → Sở Nội vụ', 'Số phiên đăng nhập đã kết thúc: — → 2'],
    },
    {
      label: 'a quota saved: the year always, the unchanged block not',
      row: row('quota.save', 'quota', { year: 2025, party_front: 20, government: 1500 }, { year: 2025, party_front: 22, government: 1500 }),
      expected: ['Năm: 2025', 'Biên chế khối Đảng – Mặt trận: 20 → 22'],
    },
    {
      label: 'key-position norms: each position by its title',
      row: row('keyPositionNorm.save', 'keyPositionNorm', { CHAIRMAN: 1, ECONOMIC_HEAD: 1 }, { CHAIRMAN: 2, ECONOMIC_HEAD: 1 }),
      expected: ['Chủ tịch UBND: 1 → 2'],
    },
    {
      label: 'a primary position changed, the concurrent post it replaces withdrawn',
      row: row('cadre.changePrimaryPosition',
        'cadre',
        { code: 'CB010229', version: 2, primary: { assignmentId: 5, positionCode: 'OFFICE_SPECIALIST', startDate: '2025-07-01' } },
        {
          code: 'CB010229', version: 3, communeCode: 'NA102', closedPrimary: { assignmentId: 5, endDate: '2025-10-14' },
          primary: { assignmentId: 9, positionCode: 'CHAIRMAN', startDate: '2025-10-15' },
          absorbedConcurrent: { assignmentId: 8, positionCode: 'CHAIRMAN', withdrawn: true },
        }),
      expected: [
        'Xã, phường: — → Hòa Quân', 'Chức vụ chính: Công chức Văn phòng từ 01/07/2025 → Chủ tịch UBND từ 15/10/2025',
        'Chức vụ chính trước đó: — → Kết thúc ngày 14/10/2025', 'Kiêm nhiệm chuyển thành chức vụ chính: — → Chủ tịch UBND, rút lại khi chưa có hiệu lực',
      ],
    },
    {
      label: 'a need declared for a position, urgent',
      row: row('vacancy.declare', 'vacancy', null, { communeCode: 'NA102', positionId: 40, field: null, count: 2, urgency: 'urgent', note: null }),
      expected: ['Xã, phường: Hòa Quân', 'Chức danh: Công chức Tư pháp – Hộ tịch', 'Số lượng: 2', 'Mức độ: Gấp'],
    },
    {
      label: 'a position ranked for planning: its level is the post’s rank, not a rating',
      row: row('position.update', 'position',
        { code: 'P', titleVi: 'Chức danh', titleEn: 'Title', block: 'government', isKey: true, isElected: false, concurrentByDesign: false, field: null, sortOrder: 3, level: 0 },
        { code: 'P', titleVi: 'Chức danh', titleEn: 'Title', block: 'government', isKey: true, isElected: false, concurrentByDesign: false, field: null, sortOrder: 3, level: 9 }),
      expected: ['Bậc chức danh: 0 → 9'],
    },
    {
      label: 'a candidate removed: the state it had, the person and the list by name',
      row: row('secondment.candidate.remove', 'secondment_candidate', { state: 'meets', cadreId: 7, listId: 1 }, null),
      expected: ['Trạng thái: Đủ tiêu chuẩn → —', 'Cán bộ, công chức: Lương Thị Hiền (CB010229) → —', 'Danh sách: Sở Nội vụ, đợt 1/2025 → —'],
    },
    {
      label: 'the province figures: signed difference, thousands',
      row: row('snapshot.take', 'province_snapshot', null, {
        takenOn: '2025-09-15', source: 'on_demand', quota: 7988, headcount: 8635, difference: 647, keyVacancies: 312, unitsBoth: 56,
      }),
      expected: [
        'Biên chế được giao: 7.988', 'Ngày của số liệu: 15/09/2025', 'Cách ghi: Theo yêu cầu', 'Số người hiện có: 8.635', 'Chênh lệch: +647',
        'Số chức danh chủ chốt còn trống: 312', 'Số đơn vị vừa thiếu người vừa thiếu chủ chốt: 56',
      ],
    },
  ])('$label', ({ row: input, expected }) => {
    expect(lines(input)).toEqual(expected);
  });

  test('English reads with English labels and separators', () => {
    expect(lines(row('secondment.list.submit', 'secondment_list', null, { from: 'draft', to: 'submitted', counted: 1234, minimum: 7, late: false, justification: null }), { locale: 'en' }))
      .toEqual(['State: Draft → Submitted, under review', 'People counted: 1,234', 'Minimum number: 7', 'Late: No']);
  });

  test('a timeline leaves out what its page already shows', () => {
    const assess = row('secondment.candidate.assess', 'secondment_candidate', null, { from: 'proposed', to: 'does_not_meet', comment: 'Chưa đủ 3 năm công tác.', cadre: 'CB010229' });
    expect(lines(assess, { omit: ['cadre'] })).toEqual(['Trạng thái: Đề xuất → Không đủ tiêu chuẩn', 'Ý kiến, lý do: Chưa đủ 3 năm công tác.']);
  });

  test('a code nobody can name stays as written; an unknown catalogue value too', () => {
    expect(lines(row('secondment.candidate.propose', 'secondment_candidate', null, { to: 'proposed', cadre: 'CB999999', kind: 'secondment', field: 'astronomy', preferredCommune: 'NA999' })))
      .toEqual(['Trạng thái: Đề xuất', 'Cán bộ, công chức: CB999999', 'Hình thức: Biệt phái', 'Chuyên ngành: astronomy', 'Xã đề nghị bố trí: NA999']);
  });
});

describe('the workbook import', () => {
  test('an applied import: counts per sheet, its notes, its sheets', () => {
    const applied = row('import.apply', 'import', null, {
      counts: { communes: { created: 0, updated: 2, unchanged: 128 }, cadres: { created: 1500, updated: 3, unchanged: 7132 } },
      notes: ['Ghi chú một.', 'Ghi chú hai.'],
      sheets: ['communes', 'cadres'],
    });
    expect(lines(applied)).toEqual([
      'Xã, phường: Thêm mới 0, cập nhật 2, không đổi 128',
      'Cán bộ, công chức: Thêm mới 1.500, cập nhật 3, không đổi 7.132',
      'Trang tính: Xã, phường, Cán bộ, công chức',
      'Ghi chú: Ghi chú một. Ghi chú hai.',
    ]);
  });

  test("an updated cadre row: the sheet's columns, a department unit by name", () => {
    const updated = row('import.update',
      'cadre',
      { code: 'CB1', fullName: 'Lê Văn A', gender: 'male', birthDate: '1980-05-01', employmentType: 'civil_servant', education: 'university', status: 'active', unitCode: 'NA102', positionCode: 'CHAIRMAN', startDate: '2025-07-01', concurrentPositionCodes: [] },
      { code: 'CB1', fullName: 'Lê Văn A', gender: 'male', birthDate: '1980-05-11', employmentType: 'civil_servant', education: 'master', status: 'active', unitCode: 'SNV', positionCode: 'CHAIRMAN', startDate: '2025-07-01', concurrentPositionCodes: ['ECONOMIC_HEAD', 'OFFICE_SPECIALIST'] });
    expect(lines(updated)).toEqual([
      'Ngày sinh: 01/05/1980 → 11/05/1980',
      'Trình độ chuyên môn: Đại học → Thạc sĩ',
      'Đơn vị: Hòa Quân → Sở Nội vụ',
      'Chức danh kiêm nhiệm: — → Trưởng phòng Kinh tế, Công chức Văn phòng',
    ]);
  });

  test('an imported rating and the round it made (docs/decisions/040-annual-ratings.md): levels, groups and states by name', () => {
    expect(lines(row('import.update', 'rating',
      { cadre: 'CB010229', year: 2025, unitCode: 'NA113', group: 'civil_servant', level: 'good', score: 85.5, belowBandReason: null, decidingBody: 'UBND xã Nga My' },
      { cadre: 'CB010229', year: 2025, unitCode: 'NA113', group: 'civil_servant', level: 'completed', score: 75, belowBandReason: 'Chậm tiến độ', decidingBody: 'UBND xã Nga My' })))
      .toEqual(['Năm: 2025', 'Xếp loại: Hoàn thành tốt nhiệm vụ → Hoàn thành nhiệm vụ', 'Điểm: 85,5 → 75', 'Lý do xếp loại thấp hơn mức điểm: — → Chậm tiến độ']);
    expect(lines(row('import.create', 'rating_round', null, { unitCode: 'SNV', year: 2025, group: 'civil_servant', state: 'confirmed' })))
      .toEqual(['Đơn vị: Sở Nội vụ', 'Năm: 2025', 'Nhóm đánh giá: Công chức', 'Trạng thái đợt: Đã xác nhận']);
  });

  test('a created commune row: its unit kind, flags as Có/Không', () => {
    expect(lines(row('import.create', 'commune', null, { code: 'NA200', name: 'Xã Mới', kind: 'ward', oldDistrictCode: 'QL', oldDistrictName: 'Quỳnh Lưu', mountainous: false, extremelyDisadvantaged: true })))
      .toEqual(['Mã: NA200', 'Tên: Xã Mới', 'Loại đơn vị: Phường', 'Mã huyện cũ: QL', 'Huyện cũ: Quỳnh Lưu', 'Miền núi: Không', 'Đặc biệt khó khăn: Có']);
  });
});

describe('rows written before the contract', () => {
  const legacy = row('secondment.list.decide', 'secondment_list', null, { from: 'forwarded', to: 'decided', conclusion: '599-KL/TU', round: 2, detail: { approved: 3, note: 'xong' } });

  test('are flagged and read field by field, never as JSON', () => {
    const presentation = presentAuditRow(legacy, { lookup });
    expect(presentation.legacy).toBe(true);
    const text = presentation.changes.map((change) => renderAuditChange(tVi, change, presentation));
    // Fields the catalogue knows keep their label, inside a nested object too.
    expect(text).toEqual(['Trạng thái: Đã trình Ban Thường vụ → Đã có Kết luận', 'Kết luận: 599-KL/TU', 'round: 2', 'detail: approved: 3, Ghi chú: xong']);
    expect(text.join(' ')).not.toMatch(/[{}"]/);
  });

  test('a payload that is not an object reads as one value', () => {
    expect(lines(row('user.update', 'user', null, 'đã đổi'))).toEqual(['Nội dung: đã đổi']);
  });

  test('an event of no payload has no changes', () => {
    expect(presentAuditRow(row('auth.signIn', 'user', null, null))).toEqual({ changes: [], compared: false, legacy: false });
  });
});

describe('references and the catalogues', () => {
  test('collects the codes and ids a page refers to, by kind', () => {
    const references = collectAuditReferences([
      row('transfer.propose', 'transfer', null, { to: 'proposed', source: 'manual', cadre: 'CB1', from: 'NA102', toCommune: 'NA113', position: 'CHAIRMAN', effectiveDate: '2025-11-01', crossDistrict: false, comment: null, justification: null }),
      row('keyPositionNorm.save', 'keyPositionNorm', { ECONOMIC_HEAD: 1 }, { ECONOMIC_HEAD: 0 }),
      row('user.create', 'user', null, { username: 'a', displayName: 'A', role: 'admin', communeId: 12, departmentId: null, isActive: true, mustChangePassword: true, version: 1 }),
      row('cadre.changePrimaryPosition', 'cadre', { code: 'CB2', version: 1, primary: { assignmentId: 1, positionCode: 'OFFICE_SPECIALIST', startDate: '2025-07-01' } }, null),
      row('import.update', 'cadre', null, { unitCode: 'SNV', concurrentPositionCodes: ['X1'] }),
      row('secondment.list.submit', 'secondment_list', null, { from: 'draft', to: 'submitted', counted: 1, minimum: 1, late: false, justification: null }),
    ]);
    expect([...references.commune].sort()).toEqual(['NA102', 'NA113', 'SNV']);
    expect([...references.department]).toEqual(['SNV']);
    expect([...references.position].sort()).toEqual(['CHAIRMAN', 'ECONOMIC_HEAD', 'OFFICE_SPECIALIST', 'X1']);
    expect([...references.cadre]).toEqual(['CB1']);
    expect([...references.communeId]).toEqual(['12']);
    expect([...references.departmentId]).toEqual([]);
  });

  const lookupMessage = (messages: unknown, key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);

  test('every payload field of the contract has a label in both languages, or is bookkeeping left out', () => {
    const fields = new Set<string>();
    for (const spec of Object.values(AUDIT_EVENTS)) {
      for (const schema of [spec.before, spec.after]) if (schema instanceof z.ZodObject) for (const name of Object.keys(schema.shape)) fields.add(name);
    }
    const hidden = new Set(['version', 'assignmentId', 'newAssignmentId', 'closedAssignmentIds', 'openAssignments', 'eventId']);
    expect(fields.size).toBeGreaterThan(80);
    const missing = [...fields, ...AUDIT_FIELD_NAMES]
      .filter((name) => !hidden.has(name))
      .flatMap((name) => (['vi', 'en'] as const).filter((language) => typeof lookupMessage(language === 'vi' ? vi : en, `audit.fields.${name}`) !== 'string').map((language) => `${language}: ${name}`));
    expect(missing).toEqual([]);
  });

  test('every message key the presentation produces exists in both catalogues', () => {
    const keys = new Set<string>();
    const walk = (text: AuditText | null) => {
      if (!text || 'text' in text) return;
      if ('list' in text) return text.list.forEach(walk);
      keys.add(text.key);
      for (const value of Object.values(text.params ?? {})) if (typeof value !== 'string') walk(value);
    };
    const samples = [
      row('import.check', 'import_upload', null, { fileName: 'so.xlsx', byteSize: 20480, sha256: 'a'.repeat(64), ok: false, problemCount: 3, counts: {} }),
      row('cadre.depart', 'cadre', { code: 'CB1', status: 'active', version: 1, openAssignments: [1] }, { code: 'CB1', status: 'left', leftOn: '2025-10-01', leftReason: 'retirement', version: 2, closedAssignments: 1, communeCode: 'NA102' }),
      row('position.delete', 'position', { code: 'P', titleVi: 'Chức danh', titleEn: 'Title', block: null, isKey: false, isElected: false, concurrentByDesign: false, field: null, sortOrder: 3, version: 2 }, null),
      row('cadre.removeConcurrentPosition', 'cadre', { code: 'CB1', version: 1, assignmentId: 3, positionCode: 'CHAIRMAN', startDate: '2025-07-01' }, { code: 'CB1', version: 2, communeCode: 'NA102', assignmentId: 3, effectiveDate: '2025-10-01', endDate: '2025-09-30' }),
      row('cadre.changePrimaryPosition', 'cadre', null, { code: 'CB1', version: 2, communeCode: 'NA102', closedPrimary: { assignmentId: 1, endDate: '2025-09-30' }, primary: { assignmentId: 2, positionCode: 'CHAIRMAN', startDate: '2025-10-01' }, absorbedConcurrent: { assignmentId: 3, positionCode: 'ECONOMIC_HEAD', endDate: '2025-09-30' } }),
      row('vacancy.close', 'vacancy', { status: 'open', version: 1 }, { status: 'closed', closedOn: '2025-10-01', closeNote: null, version: 2 }),
      row('transfer.opinion', 'transfer', null, { side: 'from', commune: 'NA102', opinion: 'agree', comment: null }),
      row('secondment.candidate.end', 'secondment_candidate', null, { from: 'placed', to: 'ended', comment: null, date: '2026-01-01', early: true }),
      row('user.create', 'user', null, { username: 'a', displayName: 'A', role: 'admin', communeId: null, departmentId: null, isActive: true, mustChangePassword: true, version: 1 }),
    ];
    for (const sample of samples) {
      for (const change of presentAuditRow(sample, { lookup }).changes) [change.label, change.before, change.after].forEach(walk);
    }
    expect(keys.size).toBeGreaterThan(40);
    const missing = [...keys].flatMap((key) => (['vi', 'en'] as const).filter((language) => typeof lookupMessage(language === 'vi' ? vi : en, key) !== 'string').map((language) => `${language}: ${key}`));
    expect(missing).toEqual([]);
    expect(renderAuditText(tVi, { key: 'audit.values.bytes', params: { size: '20.480' } })).toBe('20.480 byte');
  });
});
