import type pg from 'pg';
import { hashPassword } from '@/lib/auth/password';

/** The shared password of every demo account (README: demo only; a production start never creates them). */
export const DEMO_PASSWORD = 'NgheAn@2025';

/**
 * The email address of a demo account, on a domain reserved for examples (RFC 2606), so the daily digests of
 * `npm run data -- remind` have somewhere to go and can never reach a real mailbox.
 */
export const demoEmail = (username: string) => `${username}@nghean.example`;

/** The position a commune chairman account holds in its commune's roster (Chủ tịch UBND). */
export const CHAIRMAN_POSITION = 'COMMITTEE_CHAIR';

type DemoAccount =
  | { username: string; displayName: string; role: 'admin' | 'standing_committee' | 'organizing_committee' | 'home_affairs' }
  | { username: string; displayName: string; role: 'department_officer'; department: string }
  // A chairman's name is not written here: the account is the person the roster shows as the commune's Chủ tịch UBND.
  | { username: string; role: 'commune_chairman'; commune: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'thuongtruc', displayName: 'Nguyễn Văn Thường', role: 'standing_committee' },
  { username: 'bantochuc', displayName: 'Trần Thị Tổ Chức', role: 'organizing_committee' },
  { username: 'noivu', displayName: 'Lê Văn Nội', role: 'home_affairs' },
  { username: 'so.noivu', displayName: 'Phạm Thị Hồng Nhung', role: 'department_officer', department: 'SNV' },
  { username: 'xa.ngamy', role: 'commune_chairman', commune: 'NA113' },
  { username: 'xa.bacly', role: 'commune_chairman', commune: 'NA042' },
  { username: 'xa.hoaquan', role: 'commune_chairman', commune: 'NA102' },
  // The chairmen of the communes whose support requests the demo replays (lib/demo/support-story.ts).
  { username: 'xa.tamthai', role: 'commune_chairman', commune: 'NA108' },
  { username: 'xa.kengdu', role: 'commune_chairman', commune: 'NA043' },
  { username: 'xa.tuongduong', role: 'commune_chairman', commune: 'NA109' },
];

/**
 * The display name of a commune's chairman account, read from the roster: the full name of the one active
 * person whose open primary post in the commune is Chủ tịch UBND. When the roster has no such single holder
 * (a database where the chairman has since left), the title "Chủ tịch UBND <commune>" rather than a wrong name.
 */
export async function chairmanDisplayName(client: pg.ClientBase, provinceCode: string, communeCode: string): Promise<string> {
  const { rows } = await client.query<{ commune: string; holders: string[] }>(
    `SELECT cm.name AS commune,
            ARRAY(SELECT DISTINCT c.full_name
                    FROM assignment a
                    JOIN cadre c ON c.id = a.cadre_id
                    JOIN position po ON po.id = a.position_id
                   WHERE a.commune_id = cm.id AND po.code = $3 AND a.is_primary AND a.end_date IS NULL AND c.status = 'active'
                   ORDER BY c.full_name) AS holders
       FROM commune cm JOIN province p ON p.id = cm.province_id
      WHERE p.code = $1 AND cm.code = $2`,
    [provinceCode, communeCode, CHAIRMAN_POSITION],
  );
  if (rows.length === 0) throw new Error(`Tài khoản mẫu: không có xã ${communeCode} trong tỉnh ${provinceCode}`);
  const [{ commune, holders }] = rows;
  return holders.length === 1 ? holders[0] : `Chủ tịch UBND ${commune}`;
}

/**
 * Creates the demo accounts of province NA that do not exist yet (called by seedDemo only, after the roster is
 * loaded: a chairman's name comes from it), and gives an existing one its email address when it has none. The
 * password is hashed once and the hash shared: argon2 costs ~80 ms and the eight accounts have the same password.
 * Returns how many accounts were created.
 */
export async function seedDemoAccounts(client: pg.ClientBase, provinceCode = 'NA'): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const commune = account.role === 'commune_chairman' ? account.commune : null;
    const department = account.role === 'department_officer' ? account.department : null;
    const displayName = account.role === 'commune_chairman' ? await chairmanDisplayName(client, provinceCode, account.commune) : account.displayName;
    const { rowCount } = await client.query(
      `INSERT INTO app_user (province_id, username, display_name, password_hash, role, commune_id, department_id, email)
       SELECT p.id, $2, $3, $4, $5::"Role",
              (SELECT c.id FROM commune c WHERE c.province_id = p.id AND c.code = $6),
              (SELECT d.id FROM department d WHERE d.province_id = p.id AND d.code = $7),
              $8
       FROM province p WHERE p.code = $1
       ON CONFLICT DO NOTHING`,
      [provinceCode, account.username, displayName.normalize('NFC'), passwordHash, account.role, commune, department, demoEmail(account.username)],
    );
    created += rowCount ?? 0;
    await client.query(`UPDATE app_user SET email = $2 WHERE username = $1 AND NULLIF(btrim(email), '') IS NULL`, [account.username, demoEmail(account.username)]);
  }
  return created;
}
