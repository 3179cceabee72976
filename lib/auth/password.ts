import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id: the package's enum is a `const enum`, which isolatedModules cannot import.
const ARGON2ID = 2;

/** Longer input is refused before hashing: a 10 MB "password" must cost nothing. */
export const MAX_CREDENTIAL_LENGTH = 200;
export const MIN_PASSWORD_LENGTH = 10;

/**
 * argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's recommendation), over the password in NFC:
 * a Vietnamese password typed on another keyboard or system may arrive decomposed (a + combining marks), and must
 * still be the same password.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_CREDENTIAL_LENGTH) return false;
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

// Passwords people pick first, in Vietnam and elsewhere (compared case-insensitively). Only those of at
// least 10 characters can pass the length rule, but the short ones cost nothing to keep.
const COMMON_PASSWORDS = new Set(
  `
123456789a 1234567890 12345678910 0123456789 0987654321 9876543210 1234567890a 123456789aa 123456789abc
1234567890q 1qaz2wsx3edc qwertyuiop qwerty1234 qwerty12345 qwerty123456 qwertyuiop1 asdfghjkl1 asdfghjkl123
zxcvbnm123 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1qazxsw23edc q1w2e3r4t5 q1w2e3r4t5y6 a1b2c3d4e5 abc1234567
abcd123456 abcdef1234 abc123456789 aaaaaaaaaa 1111111111 0000000000 2222222222 6666666666 8888888888 9999999999
1212121212 1122334455 1234512345 1234554321 1231231231 123123123123 12341234 11223344556 147258369a 159753852
password1234 password123 password12 password1! passw0rd123 p@ssw0rd123 p@ssword123 password123! Password@123
Password@1234 Passw0rd!! Admin@12345 admin12345 admin123456 administrator admin@1234 administrator1 root123456
letmein123 welcome123 welcome1234 welcome@123 iloveyou123 iloveyou12 sunshine123 princess123 football123
baseball123 dragon1234 monkey1234 superman123 batman1234 starwars123 trustno1234 master1234 shadow1234
michael123 jennifer123 computer123 internet123 changeme123 changeme! secret12345 qazwsxedc123 qazwsxedcrfv
matkhau123 matkhau1234 matkhau12345 matkhau@123 matkhau2024 matkhau2025 matkhaumoi matkhaumoi123 matkhau123456
doimatkhau doimatkhau123 anhyeuem123 anhyeuem1 anhyeuem12 emyeuanh123 emyeuanh1 yeuem123456 iloveyou1 saigon1234
hanoi123456 hanoi12345 vietnam123 vietnam1234 vietnam2024 vietnam2025 vietnam@123 vietnam@2025 ngheanquehuong
nghean1234 nghean12345 nghean2024 nghean2025 nghean@2024 nghean@2025 vinh123456 thanhpho123 hochiminh123
hochiminh1890 bacho19051890 dangcongsan doanthanhnien congdoan123 ubnd123456 ubndxa1234 ubndtinh123
noivu123456 sonoivu123 sonoivu2025 bantochuc123 tochuc12345 canbo123456 congchuc123 congchuc2025 vanphong123
vanthu12345 ketoan12345 ketoan123 phongnoivu1 quantri123 quantri12345 quantrivien nguyenvana1 nguyenvan123
tranvan1234 levan12345 phamvan1234 hoang123456 huong123456 thuy1234567 linh1234567 trang123456 minh1234567
tuan1234567 hung1234567 dung1234567 hanh1234567 mai12345678 lan12345678 hoa12345678 yen12345678 anh12345678
khongbiet123 khongcomatkhau abcde12345 abcdefghij abcdefghijk a123456789 aa123456789 a1234567890 qwe1234567
qwe123456789 zaq12wsx zaq1zaq1zaq1 1q2w3e4r 1qaz2wsx 12qwaszx12 zaq1xsw2cde3 aaa111222 1a2b3c4d5e
passpass12 passpass123 testtest12 test123456 test1234567 demo123456 user123456 guest12345 default123 system1234
12345qwert 12345abcde 123qweasd 123qweasdzxc qweasdzxc123 asd123456789 123abc456def 0912345678 0987654321a
`
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase()),
);

/** A new password's first broken rule, as a message key, or null when it is acceptable. */
export function validateNewPassword(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'auth.password.tooShort';
  if (password.length > MAX_CREDENTIAL_LENGTH) return 'auth.password.tooLong';
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && lower.includes(name)) return 'auth.password.containsUsername';
  if (COMMON_PASSWORDS.has(lower)) return 'auth.password.common';
  return null;
}

export const COMMON_PASSWORD_COUNT = COMMON_PASSWORDS.size;
