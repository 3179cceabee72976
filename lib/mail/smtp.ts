import nodemailer from 'nodemailer';
import type { Digest } from './digest';

// Sending through the SMTP server of SMTP_URL (docs/decisions/045-inbox-and-reminders.md): smtp:// upgrades with
// STARTTLS when the server offers it, smtps:// is TLS from the start; the user and password of the URL sign in
// (AUTH PLAIN or LOGIN, whichever the server offers). Bounded waits, so a server that is down or silent fails the
// run within seconds rather than hanging the daily job.

export type Mailer = { send: (from: string, digest: Digest) => Promise<void>; close: () => void };

/**
 * A refusal that concerns one message (a recipient or the content refused): the next user's digest may still go.
 * Anything else (refused connection, timeout, TLS, sign-in) means the server cannot be used this run.
 */
export const isMessageRefusal = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
};

export function createMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    send: async (from, digest) => {
      await transport.sendMail({ from, to: digest.to, subject: digest.subject, text: digest.text, html: digest.html });
    },
    close: () => transport.close(),
  };
}

/** The server's answer or the socket's error, in one line without the credentials of the URL. */
export function describeSmtpError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string } | null;
  const detail = e?.response ?? e?.message ?? String(error);
  return [e?.code, e?.responseCode, detail.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' ');
}
