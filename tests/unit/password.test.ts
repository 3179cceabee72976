import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_COUNT, hashPassword, validateNewPassword, verifyPassword } from '@/lib/auth/password';

describe('validateNewPassword', () => {
  it.each([
    ['short', 'admin', 'auth.password.tooShort'],
    ['123456789', 'admin', 'auth.password.tooShort'],
    ['x'.repeat(201), 'admin', 'auth.password.tooLong'],
    ['xa.ngamy-2025!', 'xa.ngamy', 'auth.password.containsUsername'],
    ['MyADMINpassword', 'Admin', 'auth.password.containsUsername'],
    ['matkhau123', 'admin', 'auth.password.common'],
    ['123456789a', 'admin', 'auth.password.common'],
    ['Password@123', 'admin', 'auth.password.common'],
    ['Đồng lúa xanh 2025', 'admin', null],
    ['NgheAn@2025', 'admin', 'auth.password.common'], // the published demo password
  ])('%s (user %s) → %s', (password, username, expected) => {
    expect(validateNewPassword(password, username)).toBe(expected);
  });

  it('ships about 200 common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(200);
  });
});

describe('hashPassword', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('Đồng lúa xanh 2025');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Đồng lúa xanh 2025')).toBe(true);
    expect(await verifyPassword(hash, 'Đồng lúa xanh 2024')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
