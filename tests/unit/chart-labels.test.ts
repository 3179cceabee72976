import { describe, expect, test } from 'vitest';
import { wrapLabel } from '@/components/dashboard/charts';

describe('category labels of the dashboard charts', () => {
  test('a long position title wraps on word boundaries within the width', () => {
    expect(wrapLabel('Phó Chánh Văn phòng Đảng ủy', 16)).toEqual(['Phó Chánh Văn', 'phòng Đảng ủy']);
  });

  test('a label that fits stays on one line', () => {
    expect(wrapLabel('Kỳ Sơn', 16)).toEqual(['Kỳ Sơn']);
  });

  test('beyond two lines the second is shortened with an ellipsis, never cut silently', () => {
    const lines = wrapLabel('Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã miền núi', 12);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(lines[1].length).toBeLessThanOrEqual(12);
  });
});
