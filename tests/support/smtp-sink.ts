import net from 'node:net';

// A small SMTP server for the tests of `npm run data -- remind`: node:net on 127.0.0.1, a port the system picks,
// recording every envelope (sender, recipients, signed-in user) and message it accepts. It offers AUTH PLAIN and LOGIN
// and no STARTTLS (the client then stays in clear text, as on a local relay). Told to `refuse`, it greets with 554
// (no service); told to `drop`, it closes every connection at once; `stop()` leaves nothing listening (server down).

export type SinkMessage = { from: string; to: string[]; user: string | null; data: string };
export type SinkMode = 'accept' | 'refuse' | 'drop';

export type SmtpSink = {
  port: number;
  /** smtp://user:password@127.0.0.1:port */
  url: (user?: string, password?: string) => string;
  messages: SinkMessage[];
  mode: SinkMode;
  stop: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const sockets = new Set<net.Socket>();
  const sink: SmtpSink = {
    port: 0,
    url: (user = 'bienche', password = 'mật-khẩu thư') => `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${sink.port}`,
    messages: [],
    mode: 'accept',
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (sink.mode === 'drop') {
      socket.destroy();
      return;
    }
    if (sink.mode === 'refuse') {
      socket.end('554 5.3.2 Dich vu tam ngung\r\n');
      return;
    }
    socket.setEncoding('utf8');
    const write = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let envelope: SinkMessage = { from: '', to: [], user: null, data: '' };
    let inData = false;
    let authLogin: 'user' | 'password' | null = null;
    write('220 127.0.0.1 ESMTP sink');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          envelope.data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          sink.messages.push(envelope);
          envelope = { from: '', to: [], user: envelope.user, data: '' };
          write('250 2.0.0 Ok: queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (authLogin === 'user') {
          envelope.user = Buffer.from(line, 'base64').toString('utf8');
          authLogin = 'password';
          write(`334 ${Buffer.from('Password:').toString('base64')}`);
          continue;
        }
        if (authLogin === 'password') {
          authLogin = null;
          write('235 2.7.0 Authentication successful');
          continue;
        }
        const [verb, ...rest] = line.split(' ');
        const argument = rest.join(' ');
        switch (verb.toUpperCase()) {
          case 'EHLO':
            socket.write('250-127.0.0.1\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
            break;
          case 'HELO':
            write('250 127.0.0.1');
            break;
          case 'AUTH': {
            const [mechanism, initial] = argument.split(' ');
            if (mechanism.toUpperCase() === 'PLAIN' && initial) {
              envelope.user = Buffer.from(initial, 'base64').toString('utf8').split('\0')[1] ?? null;
              write('235 2.7.0 Authentication successful');
            } else if (mechanism.toUpperCase() === 'LOGIN') {
              authLogin = 'user';
              write(`334 ${Buffer.from('Username:').toString('base64')}`);
            } else {
              write('504 5.5.4 Unrecognized authentication type');
            }
            break;
          }
          case 'MAIL':
            envelope.from = /<([^>]*)>/.exec(argument)?.[1] ?? '';
            write('250 2.1.0 Ok');
            break;
          case 'RCPT':
            envelope.to.push(/<([^>]*)>/.exec(argument)?.[1] ?? '');
            write('250 2.1.5 Ok');
            break;
          case 'DATA':
            inData = true;
            write('354 End data with <CR><LF>.<CR><LF>');
            break;
          case 'RSET':
            envelope = { from: '', to: [], user: envelope.user, data: '' };
            write('250 2.0.0 Ok');
            break;
          case 'NOOP':
            write('250 2.0.0 Ok');
            break;
          case 'QUIT':
            socket.end('221 2.0.0 Bye\r\n');
            return;
          default:
            write('502 5.5.2 Command not recognized');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.address() as net.AddressInfo).port;
  return sink;
}

// ---- Reading what was sent ---------------------------------------------------------------------------------

const decodeWords = (text: string) =>
  text.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, encoding: string, payload: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(payload, 'base64').toString('utf8')
      : Buffer.from(payload.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

/** A message as a person reads it: its decoded subject, and its plain-text and HTML parts. */
export function readMessage(message: SinkMessage): { subject: string; to: string; from: string; text: string; html: string } {
  const { headers, body } = split(message.data);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1).map((part) => split(part.replace(/^\r\n/, ''))) : [{ headers, body }];
  const part = (type: string) => {
    const found = parts.find((p) => (p.headers.get('content-type') ?? '').toLowerCase().startsWith(type));
    return found ? decodeBody(found.body.replace(/\r\n$/, ''), found.headers.get('content-transfer-encoding')?.toLowerCase()).replace(/\r\n/g, '\n') : '';
  };
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    to: decodeWords(headers.get('to') ?? ''),
    from: decodeWords(headers.get('from') ?? ''),
    text: part('text/plain'),
    html: part('text/html'),
  };
}
