import { today } from '@/lib/clock';
import { recordDigestSent } from '@/lib/db/notification-mutations';
import { listDigestRecipients, listUnreadReminders, listUnreadSince, type DigestRecipient } from '@/lib/db/notification-queries';
import type { Db } from '@/lib/db/prisma';
import { env } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/translator';
import { renderDigest, type Digest, type DigestItem } from '@/lib/mail/digest';
import { createMailer, describeSmtpError, isMessageRefusal } from '@/lib/mail/smtp';
import { allowOnly, type ParsedArgs } from './args';
import { CliFailure, CliInputError, type CliIo } from './errors';

// `npm run data -- remind [--dry-run]` (docs/decisions/045-inbox-and-reminders.md): each active user with an email
// address gets one digest a day (Asia/Ho_Chi_Minh) of the reminders due (a phase due within a week or overdue,
// records to complete) that he has not marked read and of the inbox items recorded unread since his last digest;
// nothing to say, no message. A digest is recorded only once the SMTP server accepted it, so a failure loses nothing
// and the next run sends it. Run daily by the host's scheduler (README).

/** Where the links of a digest lead: AUTH_URL, else the app on this machine. */
export const appBaseUrl = () => env.AUTH_URL ?? `http://localhost:${env.PORT}`;

/** The sender: SMTP_FROM, else bienche@ the host of the app's address. */
export const digestSender = () => env.SMTP_FROM ?? `bienche@${new URL(appBaseUrl()).hostname}`;

/** The digest of one user today, or null when there is nothing due, overdue or new for him. */
export async function buildDigest(db: Db, user: DigestRecipient, day: string): Promise<Digest | null> {
  const [reminders, events] = await Promise.all([listUnreadReminders(db, user, day), listUnreadSince(db, user.id, user.lastSentAt)]);
  const items: DigestItem[] = [...reminders, ...events].map((item) => ({ kind: item.kind, params: item.params, link: item.link }));
  if (items.length === 0) return null;
  return renderDigest(translatorFor('vi'), { name: user.displayName, email: user.email, day, baseUrl: appBaseUrl(), items });
}

export async function remindCommand(db: Db, args: ParsedArgs, io: CliIo) {
  allowOnly(args, [], ['dry-run']);
  if (args.positional.length > 1) throw new CliInputError(`Thừa tham số: ${args.positional.slice(1).join(' ')}`);
  const dryRun = args.options.has('dry-run');
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl && !dryRun) {
    io.out('Thư điện tử đang tắt (chưa đặt SMTP_URL): không gửi bản tin nào. Hộp thư trong ứng dụng vẫn hoạt động.');
    return;
  }
  const day = today();
  const recipients = await listDigestRecipients(db, day);
  if (dryRun) {
    let shown = 0;
    for (const user of recipients) {
      const digest = await buildDigest(db, user, day);
      if (!digest) continue;
      shown += 1;
      io.out(`===== Tới: ${user.displayName} <${digest.to}> (${user.username})\nTiêu đề: ${digest.subject}\n\n${digest.text}`);
    }
    io.out(`Chạy thử: ${shown} bản tin sẽ được gửi (${recipients.length - shown} người dùng không có việc gì mới); không gửi, không ghi lại gì.`);
    return;
  }
  const mailer = createMailer(smtpUrl!);
  const from = digestSender();
  let sent = 0;
  let nothing = 0;
  const failures: string[] = [];
  try {
    for (const [index, user] of recipients.entries()) {
      const digest = await buildDigest(db, user, day);
      if (!digest) {
        nothing += 1;
        continue;
      }
      try {
        await mailer.send(from, digest);
      } catch (error) {
        failures.push(`${user.username} <${digest.to}>: ${describeSmtpError(error)}`);
        io.err(`Không gửi được bản tin cho ${user.username} <${digest.to}>: ${describeSmtpError(error)}`);
        // The server itself cannot be used (refused, down, sign-in): the others would fail alike; they wait for the next run.
        if (!isMessageRefusal(error)) {
          const left = recipients.length - index - 1;
          if (left > 0) io.err(`Dừng gửi: ${left} người dùng còn lại sẽ được xét ở lần chạy sau.`);
          break;
        }
        continue;
      }
      await recordDigestSent(db, user.id, day, digest.items);
      sent += 1;
      io.out(`Đã gửi bản tin cho ${user.username} <${digest.to}>: ${digest.items} mục.`);
    }
  } finally {
    mailer.close();
  }
  io.out(`Ngày ${day.split('-').reverse().join('/')}: đã gửi ${sent} bản tin; ${nothing} người dùng không có việc gì mới.`);
  if (failures.length > 0) {
    throw new CliFailure(
      `máy chủ thư (SMTP_URL) từ chối hoặc không kết nối được, ${failures.length} bản tin chưa gửi; ` +
        'chúng được gửi lại ở lần chạy sau, không mất thông báo nào',
    );
  }
}
