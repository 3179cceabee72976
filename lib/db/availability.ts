import net from 'node:net';

// Whether PostgreSQL answers, for the proxy's gate (docs/decisions/035-backups-and-a-lost-database.md): while it
// does not, every request is answered 503 before a page or a route tries the database; the gate opens again by
// itself once the server is back. The probe speaks only the first message of PostgreSQL's protocol over a plain
// socket (node:net, no client library in the proxy): a server that is stopped, restarting or out of reach fails
// it; one that is up answers, whatever its TLS setting.

/** The address of the server of a connection string: its TCP host and port, or its Unix socket. */
export function serverAddress(databaseUrl: string): net.NetConnectOpts | null {
  let url: URL;
  try {
    // An empty host (`postgresql://user:pw@/db?host=/var/run/postgresql`) is no URL to WHATWG: name one, as
    // node-postgres does (localhost) until the `host` parameter says otherwise.
    url = new URL(databaseUrl.replace(/^(postgres(?:ql)?:\/\/(?:[^@/?]*@)?)(?=[/?]|$)/, '$1localhost'));
  } catch {
    return null;
  }
  const port = Number(url.port || url.searchParams.get('port') || 5432);
  const socketDir = url.searchParams.get('host') ?? (url.hostname.startsWith('%2F') ? decodeURIComponent(url.hostname) : null);
  if (socketDir?.startsWith('/')) return { path: `${socketDir}/.s.PGSQL.${port}` };
  const host = url.hostname.replace(/^\[|\]$/g, '') || 'localhost';
  return { host, port };
}

// SSLRequest: length 8, code 80877103. Any server of the protocol answers with one byte, 'S' or 'N'.
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** Whether a PostgreSQL server answers at `address` within `timeoutMs`. */
export function probeServer(address: net.NetConnectOpts, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write(SSL_REQUEST));
    socket.once('data', (data) => done(data[0] === 0x53 || data[0] === 0x4e));
    socket.once('close', () => done(false));
  });
}

export type AvailabilityOptions = {
  /** How long an answer "up" stands before the next probe, made in the background (requests never wait for it). */
  upMs?: number;
  /** How long an answer "down" stands before a request waits for a new probe. */
  downMs?: number;
  now?: () => number;
};

/**
 * The gate's memory of the last probe. While the server was up, requests pass at once and a stale answer is
 * refreshed in the background; while it was down, requests are refused at once, and the first one after `downMs`
 * waits for a new probe, so the gate reopens within a second of the server's return. One probe at a time.
 */
export function createAvailability(probe: () => Promise<boolean>, options: AvailabilityOptions = {}) {
  const { upMs = 5000, downMs = 1000, now = Date.now } = options;
  let up = true;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let running: Promise<boolean> | null = null;
  const refresh = () => {
    running ??= probe()
      .catch(() => false)
      .then((answered) => {
        up = answered;
        checkedAt = now();
        running = null;
        return answered;
      });
    return running;
  };
  return {
    async isAvailable(): Promise<boolean> {
      const age = now() - checkedAt;
      if (up) {
        if (age >= upMs) void refresh();
        return true;
      }
      return age < downMs ? false : refresh();
    },
  };
}
