import { describe, expect, test } from 'vitest';
import { can } from '@/lib/auth/policy';
import { cleanFileName, sniffAttachment } from '@/lib/domain/attachment-types';
import { bodyLimitOf, DEFAULT_BODY_LIMIT } from '@/lib/http/front-server';
import type { ReportData } from '@/lib/report/model';
import { buildSupport } from '@/lib/report/sections';
import {
  ageOf, coverageWarnings, isOpenSupport, mayTakeSupportAction, medianDaysToResolve, SUPPORT_ACTIONS, SUPPORT_STATES, supportTransition, type SupportAction, type SupportState,
} from '@/lib/domain/support';

// The support requests' machine and rules (lib/domain/support.ts, docs/decisions/044-support-requests-and-working-groups.md).

describe('the state machine, written out', () => {
  // Every action from every state: the state after it, or '×' when refused.
  const X = '×';
  const TABLE: Record<SupportAction, Record<SupportState, SupportState | typeof X>> = {
    assign: { open: 'assigned', assigned: 'assigned', escalated_province: X, escalated_central: X, resolved: X },
    visit: { open: X, assigned: 'assigned', escalated_province: 'escalated_province', escalated_central: 'escalated_central', resolved: X },
    answer: { open: 'open', assigned: 'assigned', escalated_province: 'escalated_province', escalated_central: 'escalated_central', resolved: X },
    resolve: { open: X, assigned: 'resolved', escalated_province: 'resolved', escalated_central: 'resolved', resolved: X },
    escalateProvince: { open: X, assigned: 'escalated_province', escalated_province: X, escalated_central: X, resolved: X },
    escalateCentral: { open: X, assigned: 'escalated_central', escalated_province: 'escalated_central', escalated_central: X, resolved: X },
  };
  const cases = SUPPORT_ACTIONS.flatMap((action) => SUPPORT_STATES.map((state) => [action, state, TABLE[action][state]] as const));
  test.each(cases)('%s from %s → %s', (action, state, expected) => {
    const result = supportTransition(action, state);
    if (expected === X) expect(result).toEqual({ ok: false, key: 'support.errors.state' });
    else expect(result).toEqual({ ok: true, from: state, to: expected });
  });

  test('resolved is the one final state', () => {
    for (const state of SUPPORT_STATES) {
      const leaves = SUPPORT_ACTIONS.some((action) => {
        const r = supportTransition(action, state);
        return r.ok && r.to !== state;
      });
      expect(leaves, state).toBe(state !== 'resolved');
    }
    expect(SUPPORT_STATES.filter((s) => !isOpenSupport(s))).toEqual(['resolved']);
  });

  test('a form shows only where the machine and the permission both allow it', () => {
    const onlyWork = (permission: string) => permission === 'support.work';
    expect(mayTakeSupportAction('resolve', 'assigned', onlyWork)).toBe(true);
    expect(mayTakeSupportAction('resolve', 'open', onlyWork)).toBe(false);
    expect(mayTakeSupportAction('assign', 'open', onlyWork)).toBe(false);
  });
});

describe('the coverage warning of an assignment', () => {
  const group = { communeIds: [1, 2], problemGroupIds: [10] };
  test.each([
    ['covers both', { communeId: 1, problemGroupId: 10 }, []],
    ['another commune', { communeId: 3, problemGroupId: 10 }, ['support.assign.warnings.commune']],
    ['another problem group', { communeId: 2, problemGroupId: 11 }, ['support.assign.warnings.problem']],
    ['neither', { communeId: 3, problemGroupId: 11 }, ['support.assign.warnings.commune', 'support.assign.warnings.problem']],
  ])('%s', (_label, request, expected) => {
    expect(coverageWarnings(group, request)).toEqual(expected);
  });
});

describe('ages and the median time to resolve', () => {
  test.each([
    ['2025-11-10', '2025-11-10', 'week'], ['2025-11-03', '2025-11-10', 'week'], ['2025-11-02', '2025-11-10', 'month'],
    ['2025-10-11', '2025-11-10', 'month'], ['2025-10-10', '2025-11-10', 'older'],
  ] as const)('raised %s, today %s: %s', (raisedOn, today, expected) => {
    expect(ageOf(raisedOn, today)).toBe(expected);
  });

  test('the median over resolved requests only; none resolved is null', () => {
    expect(medianDaysToResolve([])).toBeNull();
    expect(medianDaysToResolve([{ raisedOn: '2025-11-01', resolvedOn: null }])).toBeNull();
    expect(medianDaysToResolve([
      { raisedOn: '2025-11-01', resolvedOn: '2025-11-04' }, // 3
      { raisedOn: '2025-10-01', resolvedOn: '2025-10-11' }, // 10
      { raisedOn: '2025-11-01', resolvedOn: null },
      { raisedOn: '2025-09-30', resolvedOn: '2025-10-01' }, // 1
    ])).toBe(3);
    expect(medianDaysToResolve([
      { raisedOn: '2025-11-01', resolvedOn: '2025-11-04' }, // 3
      { raisedOn: '2025-02-27', resolvedOn: '2025-03-01' }, // 2 (no 29 February in 2025)
    ])).toBe(2.5);
  });
});

describe('attachments are told by their content', () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
  /** A zip's local file header (stored, sizes given) followed by its data. */
  const entry = (name: string, data = '') => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(0, 8);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    return [...header, ...Buffer.from(name, 'latin1'), ...Buffer.from(data, 'latin1')];
  };
  test.each([
    ['a PDF', bytes('%PDF-1.7\n'), 'x.pdf', 'application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'x.png', 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'anh.jpg', 'image/jpeg'],
    ['a DOCX', bytes(entry('[Content_Types].xml', '<x/>'), entry('word/document.xml', '<w/>')), 'x.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an XLSX', bytes(entry('[Content_Types].xml', '<x/>'), entry('xl/workbook.xml', '<w/>')), 'x.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an ODT', bytes(entry('mimetype', 'application/vnd.oasis.opendocument.text'), entry('content.xml')), 'x.odt', 'application/vnd.oasis.opendocument.text'],
    ['a legacy Word file', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'to-trinh.doc', 'application/msword'],
    ['a legacy Excel file', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'bang.XLS', 'application/vnd.ms-excel'],
    ['a PDF named .exe is still a PDF (and sent back as one)', bytes('%PDF-1.4'), 'x.exe', 'application/pdf'],
  ])('%s', (_label, content, name, mime) => {
    expect(sniffAttachment(content, name)?.mimeType).toBe(mime);
  });

  test.each([
    ['a Windows program named .pdf', bytes('MZ\x90\x00'), 'bao-cao.pdf'],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /'), 'x.docx'],
    ['HTML', bytes('<html><script>alert(1)</script>'), 'x.png'],
    ['an SVG image', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.svg'],
    ['a plain zip', bytes(entry('a.exe', 'MZ')), 'x.zip'],
    ['an OpenDocument of another kind', bytes(entry('mimetype', 'application/vnd.oasis.opendocument.presentation')), 'x.odp'],
    ['nothing', bytes(), 'x.pdf'],
  ])('refused: %s', (_label, content, name) => {
    expect(sniffAttachment(content, name)).toBeNull();
  });

  test('a file name keeps its last part, without control characters or quotes', () => {
    expect(cleanFileName('C:\\Users\\xa\\Tờ trình.pdf')).toBe('Tờ trình.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a"b\u0000c.pdf')).toBe('abc.pdf');
    expect(cleanFileName('..')).toBe('tep-dinh-kem');
  });
});

describe('membership of the assigned group is the scope of its steps (lib/auth/policy.ts)', () => {
  const officer = { id: 7, role: 'department_officer', provinceId: 1, communeId: null, departmentId: 20 } as const;
  const homeAffairs = { id: 8, role: 'home_affairs', provinceId: 1, communeId: null, departmentId: null } as const;
  const chairman = { id: 9, role: 'commune_chairman', provinceId: 1, communeId: 10, departmentId: null } as const;
  const otherChairman = { id: 10, role: 'commune_chairman', provinceId: 1, communeId: 11, departmentId: null } as const;
  const admin = { id: 11, role: 'admin', provinceId: 1, communeId: null, departmentId: null } as const;
  const request = (members: number[]) => ({ provinceId: 1, communeId: 10, members });
  test.each([
    ['a member officer works on it', officer, 'support.work', request([7]), true],
    ['an officer who is no member does not', officer, 'support.work', request([]), false],
    ['a member officer reads it', officer, 'support.view', request([7]), true],
    ['an officer who is no member does not read it', officer, 'support.view', request([]), false],
    ['Home Affairs, no member, reads it', homeAffairs, 'support.view', request([]), true],
    ['Home Affairs, no member, does not resolve it', homeAffairs, 'support.work', request([]), false],
    ['Home Affairs, no member, does not answer it', homeAffairs, 'support.answer', request([]), false],
    ['Home Affairs, a member, answers it', homeAffairs, 'support.answer', request([8]), true],
    ['the commune chairman answers it', chairman, 'support.answer', request([]), true],
    ['the commune chairman attaches files', chairman, 'support.attach', request([7]), true],
    ['the commune chairman does not resolve it (not his role)', chairman, 'support.work', request([9]), false],
    ["another commune's chairman does not answer it", otherChairman, 'support.answer', request([]), false],
    ['membership in another province grants nothing', officer, 'support.work', { provinceId: 2, communeId: 10, members: [7] }, false],
    ['the administrator reads it', admin, 'support.view', request([]), true],
    ['the administrator, even listed, takes no step', admin, 'support.work', request([11]), false],
  ] as const)('%s', (_label, actor, action, resource, expected) => {
    expect(can(actor, action, resource)).toBe(expected);
  });
});

describe('the report section on the problems', () => {
  const data = (support?: ReportData['support']) => ({ date: '2025-11-10', support }) as unknown as ReportData;

  test('without requests: one sentence', () => {
    const section = buildSupport(data());
    expect(section.number).toBe('VII');
    expect(section.blocks).toEqual([expect.objectContaining({ kind: 'paragraph' })]);
  });

  test('by problem group, and the escalated problems with the summary sent', () => {
    const section = buildSupport(data({
      problems: [{ code: 'land', name: 'Quản lý đất đai', raised: 2, open: 0, resolved: 1, escalatedProvince: 0, escalatedCentral: 1 }],
      escalated: [{ commune: 'Tương Dương', title: 'Thẩm quyền giao đất', problem: 'Quản lý đất đai', group: 'Tổ công tác số 3', to: 'escalated_central', summary: 'Kiến nghị Bộ hướng dẫn.', escalatedOn: '2025-10-15' }],
    }));
    const tables = section.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    expect(tables.map((t) => t.key)).toEqual(['supportProblems', 'supportEscalated']);
    expect(tables[0].rows[0].cells).toEqual([1, 'Quản lý đất đai', 2, 0, 1, 0, 1]);
    expect(tables[1].rows[0].cells).toEqual([1, 'Tương Dương', 'Quản lý đất đai', 'Thẩm quyền giao đất', 'Tổ công tác số 3', 'Trung ương (vượt thẩm quyền)', 'Kiến nghị Bộ hướng dẫn.']);
  });
});

describe("the front server's cap on an attachment's body", () => {
  test('the upload path takes one file of SUPPORT_MAX_ATTACHMENT_MB and its envelope; everything else keeps 1 MB', () => {
    expect(bodyLimitOf('POST', '/api/support/12/attachments')).toBe(11 * 1024 * 1024);
    expect(bodyLimitOf('POST', '/api/support/12/attachments?x=1')).toBe(11 * 1024 * 1024);
    expect(bodyLimitOf('GET', '/api/support/12/attachments')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf('POST', '/api/support/12/attachments/extra')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf('POST', '/support/12')).toBe(DEFAULT_BODY_LIMIT);
  });
});
