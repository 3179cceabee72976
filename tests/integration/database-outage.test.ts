import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createAvailability, probeServer, serverAddress } from '@/lib/db/availability';
import { startEmbeddedPostgres, type EmbeddedCluster } from '@/lib/db/embedded-postgres';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { createPrismaClient, poolOf, type Db } from '@/lib/db/prisma';

// PostgreSQL going away while the app runs (docs/decisions/035-backups-and-a-lost-database.md), on a throwaway
// cluster under /tmp: the app's client survives connections ended under it and a stop of the server, its errors
// read as "unavailable" meanwhile, and it works again, with the proxy's gate, once the server is back.

// Below the kernel's range of ephemeral ports, for the reason given in embedded-postgres-restart.test.ts.
const PORT = 32630;
let root: string;
let cluster: EmbeddedCluster | null = null;
let db: Db;

async function listening(answer: (socket: net.Socket) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    answer(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port: (server.address() as net.AddressInfo).port, close };
}

const start = () => startEmbeddedPostgres({ dir: path.join(root, 'pg'), port: PORT });
const selectOne = async () => (await db.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one'))[0].one;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-outage-'));
  fs.chmodSync(root, 0o755);
  cluster = await start();
  db = createPrismaClient(cluster.url('postgres'));
});

afterAll(async () => {
  await db?.$disconnect().catch(() => {});
  const pool = db && poolOf(db);
  if (pool && !pool.ended) await pool.end().catch(() => {});
  await cluster?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('probeServer', () => {
  test('a PostgreSQL server answers; a closed port, a silent server and a server of another protocol do not', async () => {
    expect(await probeServer(serverAddress(inject('serverUrl'))!)).toBe(true);
    const silent = await listening(() => {});
    const http = await listening((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await silent.close();
    const closedPort = silent.port;
    const stillSilent = await listening(() => {});
    try {
      expect(await probeServer({ host: '127.0.0.1', port: closedPort })).toBe(false);
      expect(await probeServer({ host: '127.0.0.1', port: stillSilent.port }, 300)).toBe(false);
      expect(await probeServer({ host: '127.0.0.1', port: http.port })).toBe(false);
    } finally {
      await stillSilent.close();
      await http.close();
    }
  });
});

describe('the app while PostgreSQL goes away and comes back', () => {
  test('connections ended by an administrator: the next query opens a new one; the process does not crash', async () => {
    expect(await selectOne()).toBe(1);
    const admin = createPrismaClient(cluster!.url('postgres'));
    try {
      const ended = await admin.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      expect(ended[0].n).toBeGreaterThan(0);
    } finally {
      await admin.$disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await selectOne()).toBe(1);
  });

  test('the server stopped: queries fail as "unavailable" and the gate closes; started again: the same client and the gate recover by themselves', async () => {
    const address = serverAddress(cluster!.url('postgres'))!;
    const gate = createAvailability(() => probeServer(address), { upMs: 0, downMs: 0 });
    expect(await selectOne()).toBe(1);
    await gate.isAvailable();
    await cluster!.stop();
    cluster = null;

    const failure = await selectOne().then(() => null, (error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    await gate.isAvailable();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await gate.isAvailable()).toBe(false);

    cluster = await start();
    expect(await gate.isAvailable()).toBe(true);
    expect(await selectOne()).toBe(1);
  });
});
