import { describe, expect, test } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/db/errors';

// The shapes below are those node-postgres and Prisma 6.19 with @prisma/adapter-pg throw (seen against a closed
// port and a backend ended by pg_terminate_backend); tests/integration/cli-database-lost.test.ts meets the real ones.

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:54999`), { code });
const prismaKnown = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error('\nInvalid `prisma.province.findMany()` invocation'), { name: 'PrismaClientKnownRequestError', code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

describe('isDatabaseUnavailable', () => {
  test.each([
    ['a refused connection (node-postgres)', socketError('ECONNREFUSED')],
    ['an unknown host', socketError('ENOTFOUND')],
    ['a reset socket', socketError('ECONNRESET')],
    ['a connect timeout', socketError('ETIMEDOUT')],
    ['Node 20 trying IPv4 and IPv6 (AggregateError)', Object.assign(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]), { code: 'ECONNREFUSED' })],
    ['a backend ended by an administrator (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server shutting down or starting (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (class 08)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['node-postgres: connection ended mid-query', new Error('Connection terminated unexpectedly')],
    ['node-postgres: a client that lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['Prisma: server not reachable (P1001)', prismaKnown('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 54999 })],
    ['Prisma: a raw query whose backend was ended (P2010, 57P01)', prismaKnown('P2010', { kind: 'postgres', code: '57P01', originalCode: '57P01' })],
    ['Prisma: the adapter saw the connection close', prismaKnown('P2010', { kind: 'ConnectionClosed' })],
    ['an error wrapping one of these as its cause', new Error('import failed', { cause: socketError('ECONNREFUSED') })],
  ])('%s: unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ['a unique violation (a refusal)', Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' })],
    ['a trigger refusing a change', Object.assign(new Error('audit_log is append-only (DELETE refused)'), { code: '42501' })],
    ['a wrong password (the server answers)', Object.assign(new Error('password authentication failed for user "app"'), { code: '28P01' })],
    ['Prisma: a unique violation', prismaKnown('P2002', { kind: 'UniqueConstraintViolation', originalCode: '23505' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a file system error', socketError('ENOENT')],
    ['nothing at all', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('%s: not unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
