import type pg from 'pg';
import { hashPassword } from '@/lib/auth/password';

/** The shared password of every demo account (README: demo only; a production start never creates them). */
export const DEMO_PASSWORD = 'NgheAn@2025';

type DemoAccount = { username: string; displayName: string; role: string; commune?: string; department?: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'thuongtruc', displayName: 'Nguyễn Văn Thường', role: 'standing_committee' },
  { username: 'bantochuc', displayName: 'Trần Thị Tổ Chức', role: 'organizing_committee' },
  { username: 'noivu', displayName: 'Lê Văn Nội', role: 'home_affairs' },
  { username: 'so.noivu', displayName: 'Phạm Thị Hồng Nhung', role: 'department_officer', department: 'SNV' },
  { username: 'xa.ngamy', displayName: 'Lô Văn Mỹ', role: 'commune_chairman', commune: 'NA113' },
  { username: 'xa.bacly', displayName: 'Hoàng Văn Lý', role: 'commune_chairman', commune: 'NA042' },
  { username: 'xa.hoaquan', displayName: 'Nguyễn Đình Quân', role: 'commune_chairman', commune: 'NA102' },
];

/**
 * Creates the demo accounts of province NA that do not exist yet (called by seedDemo only). The password is
 * hashed once and the hash shared: argon2 costs ~80 ms and the eight accounts have the same password.
 * Returns how many accounts were created.
 */
export async function seedDemoAccounts(client: pg.ClientBase, provinceCode = 'NA'): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const { rowCount } = await client.query(
      `INSERT INTO app_user (province_id, username, display_name, password_hash, role, commune_id, department_id)
       SELECT p.id, $2, $3, $4, $5::"Role",
              (SELECT c.id FROM commune c WHERE c.province_id = p.id AND c.code = $6),
              (SELECT d.id FROM department d WHERE d.province_id = p.id AND d.code = $7)
       FROM province p WHERE p.code = $1
       ON CONFLICT DO NOTHING`,
      [provinceCode, account.username, account.displayName, passwordHash, account.role, account.commune ?? null, account.department ?? null],
    );
    created += rowCount ?? 0;
  }
  return created;
}
