import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runDataCommand } from '../support/cli';
import { seededDatabaseOn, type TestDatabase } from '../support/database';
import { readMessage, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

// `npm run data -- remind` against a small SMTP server started here (tests/support/smtp-sink.ts): one digest per user
// with an email address and something to say, in Vietnamese, plain text and HTML, with links to the app; at most one
// a day; a server that refuses or is down exits 2 and records nothing, and the next run sends (docs/decisions/045).

const TODAY = '2025-11-10';
const seeded = seededDatabaseOn(TODAY);
let database: TestDatabase;
let sink: SmtpSink;
const saved = { SMTP_URL: process.env.SMTP_URL, AUTH_URL: process.env.AUTH_URL, SMTP_FROM: process.env.SMTP_FROM };

beforeAll(async () => {
  database = seeded.current;
  sink = await startSmtpSink();
  process.env.AUTH_URL = 'https://bienche.example.vn';
  delete process.env.SMTP_FROM;
});
afterAll(async () => {
  await sink.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
beforeEach(() => {
  sink.mode = 'accept';
  sink.messages.length = 0;
  process.env.APP_TODAY = TODAY;
  process.env.SMTP_URL = sink.url();
});

const remind = (...args: string[]) => runDataCommand(database.url, ['remind', ...args], process.cwd());
const digests = () => database.db.emailDigest.findMany({ orderBy: [{ day: 'asc' }, { userId: 'asc' }], include: { user: { select: { username: true } } } });

describe('npm run data -- remind', () => {
  test('without SMTP_URL: email is off, exit 0, nothing recorded', async () => {
    delete process.env.SMTP_URL;
    const result = await remind();
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('Thư điện tử đang tắt');
    expect(sink.messages).toEqual([]);
    expect(await digests()).toEqual([]);
  });

  test('--dry-run prints the digests and records nothing', async () => {
    const result = await remind('--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Tới: ');
    expect(result.out).toContain('so.noivu@nghean.example');
    expect(result.out).toContain('không gửi, không ghi lại gì');
    expect(sink.messages).toEqual([]);
    expect(await digests()).toEqual([]);
  });

  test('a server that refuses, drops the connection or is down: exit 2, the failure reported without the password, nothing recorded', async () => {
    sink.mode = 'refuse';
    const refused = await remind();
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Không gửi được bản tin');
    expect(refused.err).toContain('lần chạy sau');
    expect(refused.err).not.toContain('mật-khẩu');
    expect(await digests()).toEqual([]);

    sink.mode = 'drop';
    expect((await remind()).code).toBe(2);
    expect(await digests()).toEqual([]);

    // Down: nothing listens on the port any more.
    const down = await startSmtpSink();
    process.env.SMTP_URL = down.url();
    await down.stop();
    expect((await remind()).code).toBe(2);
    expect(await digests()).toEqual([]);
  });

  test('each user with something due or new gets one digest: recipients, subject, text and HTML with links; once a day', async () => {
    const result = await remind();
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const recorded = await digests();
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.length).toBe(sink.messages.length);
    expect(recorded.every((d) => d.sentAt !== null && d.day.toISOString().slice(0, 10) === TODAY)).toBe(true);

    // The Organizing Committee was told of the lists the demo's departments submitted; the Home Affairs officer of
    // her phase-2 list, due 14/11/2025 (within a week of 10/11/2025).
    const officer = sink.messages.find((m) => m.to.includes('so.noivu@nghean.example'));
    expect(officer).toBeDefined();
    expect(officer).toMatchObject({ from: 'bienche@bienche.example.vn', user: 'bienche' });
    const mail = readMessage(officer!);
    expect(mail.subject).toMatch(/^\[Biên chế\] \d+ việc cần xem ngày 10\/11\/2025$/);
    expect(mail.text).toContain('Kính gửi Phạm Thị Hồng Nhung,');
    expect(mail.text).toContain('phải trình trước hạn 14/11/2025');
    expect(mail.text).toMatch(/https:\/\/bienche\.example\.vn\/secondments(\/lists\/\d+)?\n/);
    expect(mail.text).toContain('https://bienche.example.vn/inbox');
    expect(mail.html).toContain('<html lang="vi">');
    expect(mail.html).toContain('href="https://bienche.example.vn/inbox"');
    expect(mail.html).toContain('phải trình trước hạn 14/11/2025');

    const committee = sink.messages.find((m) => m.to.includes('bantochuc@nghean.example'));
    expect(readMessage(committee!).text).toContain('đã trình danh sách 5%');

    // The same day again: nothing twice.
    sink.messages.length = 0;
    const again = await remind();
    expect(again.code).toBe(0);
    expect(sink.messages).toEqual([]);
    expect(await digests()).toHaveLength(recorded.length);

    // The next day: what is due again (the reminder not marked read), and only items new since the last digest.
    process.env.APP_TODAY = '2025-11-11';
    const committeeUser = await database.db.user.findUniqueOrThrow({ where: { username: 'bantochuc' } });
    await database.db.notification.create({ data: { userId: committeeUser.id, kind: 'listSubmitted', params: { department: 'Sở Thử', phase: '9', year: '2025' }, link: '/secondments' } });
    expect((await remind()).code).toBe(0);
    const next = sink.messages.find((m) => m.to.includes('bantochuc@nghean.example'));
    const nextText = readMessage(next!).text;
    expect(nextText).toContain('Sở Thử đã trình danh sách 5% đợt 9/2025');
    expect(nextText.match(/đã trình danh sách 5%/g)).toHaveLength(1);
    expect(sink.messages.some((m) => m.to.includes('so.noivu@nghean.example'))).toBe(true);
  });

  test('a refused run on a later day retries the next run, losing nothing', async () => {
    process.env.APP_TODAY = '2025-11-12';
    sink.mode = 'refuse';
    expect((await remind()).code).toBe(2);
    const onDay = async () => (await digests()).filter((d) => d.day.toISOString().slice(0, 10) === '2025-11-12');
    expect(await onDay()).toEqual([]);
    sink.mode = 'accept';
    expect((await remind()).code).toBe(0);
    expect((await onDay()).map((d) => d.user.username)).toContain('so.noivu');
  });
});
