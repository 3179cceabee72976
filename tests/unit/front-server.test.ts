import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '@/lib/http/client-address';
import { createFrontServer, DEFAULT_BODY_LIMIT, UPLOAD_BODY_LIMIT, type FrontServerOptions } from '@/lib/http/front-server';
import { acceptsBrotli, loadPrecompressed, precompressDirectory } from '@/lib/http/precompressed';
import type { TrustedProxies } from '@/lib/env';

// The server in front of Next.js (lib/http/front-server.ts, docs/decisions/034-trusted-proxies-and-the-client-address.md),
// over real HTTP on ephemeral ports: a client's forwarding headers never reach the app, the client address is the
// socket's or the TRUST_PROXY-th hop's, and a body past its limit is answered 413 before the app reads it.

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; bytes: number };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const closing = (server: http.Server) => () =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A tiny upstream standing in for Next.js: records what it was sent and answers 200 with the byte count. */
async function upstream() {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes });
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(`ok ${bytes}`);
    });
  });
  server.on('upgrade', (req, socket) => {
    closers.push(async () => void socket.destroy());
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes: 0 });
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
    socket.on('data', (chunk) => socket.write(chunk));
  });
  const port = await listen(server);
  closers.push(closing(server));
  return { port, seen };
}

async function front(options: Partial<FrontServerOptions> & { upstreamPort: number }) {
  const warnings: string[] = [];
  const server = createFrontServer({ upstream: { host: '127.0.0.1', port: options.upstreamPort }, warn: (m) => warnings.push(m), ...options });
  const port = await listen(server);
  closers.push(closing(server));
  return { port, warnings };
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; bytes: Buffer };

/** One request with exactly these headers; `body` is sent with a Content-Length, `chunks` chunked. */
function send(port: number, init: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer; chunks?: Buffer[] }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: init.method ?? 'GET', path: init.path ?? '/', headers: init.headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(parts);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (init.body) req.end(init.body);
    else if (init.chunks) {
      for (const chunk of init.chunks) req.write(chunk);
      req.end();
    } else req.end();
  });
}

describe('the client address a forwarded request is given', () => {
  const xff = '198.51.100.9, 6.6.6.6, 203.0.113.7';
  test.each<[string, TrustedProxies | undefined, string | undefined, string]>([
    ['no trust: the socket, whatever the header says', undefined, xff, '10.0.0.2'],
    ['no trust and no header', undefined, undefined, '10.0.0.2'],
    ['one proxy: the hop it added', { hops: 1 }, xff, '203.0.113.7'],
    ['two proxies: the second hop from the right', { hops: 2 }, xff, '6.6.6.6'],
    ['more proxies than hops: the furthest hop there is', { hops: 5 }, xff, '198.51.100.9'],
    ['one proxy, no header (a direct request): the socket', { hops: 1 }, undefined, '10.0.0.2'],
    ['hops of 0: the socket', { hops: 0 }, xff, '10.0.0.2'],
    ['trusted addresses: the first untrusted hop from the right', { addresses: ['10.0.0.2', '203.0.113.7'] }, xff, '6.6.6.6'],
    ['a socket that is not a trusted proxy: the socket', { addresses: ['10.0.0.99'] }, xff, '10.0.0.2'],
    ['a hop that is not an address stops the walk at the nearer one', { hops: 2 }, '6.6.6.6, garbage', '10.0.0.2'],
    ['ports and brackets are dropped', { hops: 1 }, '[2001:db8::1]:4711', '2001:db8::1'],
    ['an IPv4 hop with a port', { hops: 1 }, '203.0.113.7:8080', '203.0.113.7'],
  ])('%s', (_label, trust, header, expected) => {
    expect(resolveClientAddress('10.0.0.2', header, trust)).toBe(expected);
  });

  test('an IPv4-mapped socket address reads as IPv4', () => {
    expect(resolveClientAddress('::ffff:127.0.0.1', undefined, undefined)).toBe('127.0.0.1');
  });
});

describe('the front server', () => {
  test('without TRUST_PROXY: forwarding headers are stripped, the private header is the socket, one warning', async () => {
    const app = await upstream();
    const { port, warnings } = await front({ upstreamPort: app.port });
    const spoofed = {
      'x-forwarded-for': '6.6.6.6',
      'x-real-ip': '6.6.6.6',
      forwarded: 'for=6.6.6.6',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.example',
      [CLIENT_ADDRESS_HEADER]: '6.6.6.6',
      host: 'bienche.example.vn',
    };
    const first = await send(port, { path: '/communes?x=1', headers: spoofed });
    await send(port, { headers: spoofed });
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    const [seen] = app.seen;
    expect(seen.url).toBe('/communes?x=1');
    expect(seen.headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1');
    expect(seen.headers.host).toBe('bienche.example.vn');
    for (const name of ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-forwarded-proto', 'x-forwarded-host']) expect(seen.headers[name], name).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TRUST_PROXY');
  });

  test('with TRUST_PROXY=1: the hop the proxy added, and the scheme it saw; no warning', async () => {
    const app = await upstream();
    const { port, warnings } = await front({ upstreamPort: app.port, trustProxy: { hops: 1 } });
    await send(port, { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7', 'x-forwarded-proto': 'https' } });
    expect(app.seen[0].headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.7');
    expect(app.seen[0].headers['x-forwarded-for']).toBeUndefined();
    expect(app.seen[0].headers['x-forwarded-proto']).toBe('https');
    await send(port, { headers: { 'x-forwarded-proto': 'gopher' } });
    expect(app.seen[1].headers['x-forwarded-proto']).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  test('a body over 1 MB is refused with 413 and a Vietnamese message before the app sees it', async () => {
    const app = await upstream();
    const { port } = await front({ upstreamPort: app.port });
    const big = await send(port, { method: 'POST', path: '/communes/NA113', headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(DEFAULT_BODY_LIMIT + 1) });
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/);
    expect(big.body).toMatch(/quá lớn/);
    const chunked = await send(port, { method: 'POST', path: '/', chunks: Array.from({ length: 5 }, () => Buffer.alloc(300 * 1024)) });
    expect(chunked.status).toBe(413);
    expect(app.seen.filter((s) => s.method === 'POST')).toEqual([]);
    const fits = await send(port, { method: 'POST', path: '/communes/NA113', body: Buffer.alloc(DEFAULT_BODY_LIMIT) });
    expect(fits).toMatchObject({ status: 200, body: `ok ${DEFAULT_BODY_LIMIT}` });
  });

  test('the workbook upload (a POST to /import) may send up to the upload limit, not more', async () => {
    expect(UPLOAD_BODY_LIMIT).toBe(30 * 1024 * 1024);
    const app = await upstream();
    const { port } = await front({ upstreamPort: app.port });
    const workbook = await send(port, { method: 'POST', path: '/import', body: Buffer.alloc(5 * 1024 * 1024) });
    expect(workbook).toMatchObject({ status: 200, body: `ok ${5 * 1024 * 1024}` });
    const tooBig = await send(port, { method: 'POST', path: '/import?x=1', body: Buffer.alloc(UPLOAD_BODY_LIMIT + 1) });
    expect(tooBig.status).toBe(413);
    const elsewhere = await send(port, { method: 'POST', path: '/import/12', body: Buffer.alloc(2 * 1024 * 1024) });
    expect(elsewhere.status).toBe(413);
  });

  test("Next's own server-action limit is the upload limit, so the file the front server lets through reaches the action", () => {
    const config = fs.readFileSync(path.resolve(import.meta.dirname, '../../next.config.ts'), 'utf8');
    const megabytes = `${UPLOAD_BODY_LIMIT / (1024 * 1024)}mb`;
    expect(config).toContain(`bodySizeLimit: '${megabytes}'`);
    expect(config).toContain(`proxyClientMaxBodySize: '${megabytes}'`);
  });

  test('an upgrade (hot reload under npm run dev) is passed through with the same headers', async () => {
    const app = await upstream();
    const { port } = await front({ upstreamPort: app.port });
    const socket = net.connect(port, '127.0.0.1');
    closers.push(async () => void socket.destroy());
    socket.write(`GET /_next/webpack-hmr HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo\r\nConnection: Upgrade\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n`);
    let received = '';
    await new Promise<void>((resolve) => {
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (received.includes('\r\n\r\n') && !received.includes('ping')) socket.write('ping');
        if (received.includes('ping')) resolve();
      });
    });
    expect(received).toMatch(/^HTTP\/1\.1 101/);
    expect(app.seen[0].headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1');
    expect(app.seen[0].headers['x-forwarded-for']).toBeUndefined();
  });

  test('an app that does not answer gives 502', async () => {
    const app = await upstream();
    await closers.pop()!();
    const { port } = await front({ upstreamPort: app.port });
    expect((await send(port, {})).status).toBe(502);
  });
});

describe('several Next.js processes behind the front server (WEB_CONCURRENCY)', () => {
  /** An upstream that answers its own name, after `delayMs` for paths starting /slow. */
  async function named(name: string, port = 0) {
    const server = http.createServer((req, res) => {
      const reply = () => res.end(name);
      if (req.url?.startsWith('/slow')) setTimeout(reply, 300);
      else reply();
    });
    const listening = await new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
    closers.push(closing(server));
    return listening;
  }
  async function frontOver(ports: number[]) {
    const server = createFrontServer({ upstream: ports.map((port) => ({ host: '127.0.0.1', port })), warn: () => undefined });
    const port = await listen(server);
    closers.push(closing(server));
    return port;
  }
  const waitFor = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('never');
  };

  test('requests are shared, and one goes to the process with fewer requests in flight', async () => {
    const port = await frontOver([await named('A'), await named('B')]);
    // Both join once they have accepted a connection.
    await waitFor(async () => new Set(await Promise.all([1, 2, 3, 4].map(async () => (await send(port, {})).body))).size === 2);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await send(port, {})).body);
    expect(answers.filter((a) => a === 'A')).toHaveLength(3);
    expect(answers.filter((a) => a === 'B')).toHaveLength(3);
    // While a slow request holds one process, the quick ones all go to the other.
    const slow = send(port, { path: '/slow' });
    await new Promise((r) => setTimeout(r, 50));
    const quick = [];
    for (let i = 0; i < 4; i++) quick.push((await send(port, {})).body);
    const busy = (await slow).body;
    expect(quick.every((a) => a !== busy)).toBe(true);
  });

  test('a process not listening yet gets no request; it joins when it listens', async () => {
    const later = await freePort();
    const port = await frontOver([await named('A'), later]);
    // Once A has joined, every request goes to it: none to the port nobody listens on yet (which would be a 502).
    await waitFor(async () => (await Promise.all([1, 2, 3, 4].map(async () => (await send(port, {})).body))).every((b) => b === 'A'));
    for (let i = 0; i < 10; i++) expect((await send(port, {})).status).toBe(200);
    await named('B', later);
    await waitFor(async () => (await Promise.all([1, 2, 3, 4].map(async () => (await send(port, {})).body))).includes('B'));
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('static assets in Brotli (lib/http/precompressed.ts)', () => {
  test('Accept-Encoding: br with a weight above zero, or * without br refused', () => {
    expect(acceptsBrotli('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsBrotli('br;q=0.5')).toBe(true);
    expect(acceptsBrotli('BR')).toBe(true);
    expect(acceptsBrotli(['gzip', 'br'])).toBe(true);
    expect(acceptsBrotli('gzip, deflate')).toBe(false);
    expect(acceptsBrotli('br;q=0, gzip')).toBe(false);
    expect(acceptsBrotli('br;q=0.000')).toBe(false);
    expect(acceptsBrotli('*')).toBe(true);
    expect(acceptsBrotli('*, br;q=0')).toBe(false);
    expect(acceptsBrotli('*;q=0')).toBe(false);
    expect(acceptsBrotli('br;q=abc')).toBe(false);
    expect(acceptsBrotli('')).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });

  /** A build's static folder: a script worth compressing, a small one, a font, a script in a subfolder. */
  function staticFolder() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-static-'));
    closers.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const script = `/* chunk */ ${'globalThis.TURBOPACK.push(["chunk", function () { return "Bỏ qua, đến nội dung chính"; }]);\n'.repeat(200)}`;
    fs.mkdirSync(path.join(dir, 'chunks', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chunks', 'app.js'), script);
    fs.writeFileSync(path.join(dir, 'chunks', 'deep', 'page.css'), `.a{color:red}\n`.repeat(200));
    fs.writeFileSync(path.join(dir, 'chunks', 'tiny.js'), 'a()');
    fs.writeFileSync(path.join(dir, 'chunks', 'x.woff2'), Buffer.alloc(4096, 7));
    return { dir, script };
  }

  test('each compressible file gets its .br once, the small ones and fonts none; only files found at start are served', async () => {
    const { dir, script } = staticFolder();
    const first = await precompressDirectory(dir);
    expect(first.files).toBe(2);
    expect(first.bytesOut).toBeLessThan(first.bytesIn / 5);
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'chunks', 'app.js.br'))).toString('utf8')).toBe(script);
    expect(fs.existsSync(path.join(dir, 'chunks', 'tiny.js.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'chunks', 'x.woff2.br'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'chunks')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await precompressDirectory(dir)).files).toBe(0);
    const assets = loadPrecompressed(dir);
    expect(assets.size).toBe(2);
    expect(assets.get('/_next/static/chunks/app.js')?.contentType).toBe('application/javascript; charset=UTF-8');
    expect(assets.get('/_next/static/chunks/deep/page.css')?.contentType).toBe('text/css; charset=UTF-8');
    expect(assets.get('/_next/static/chunks/tiny.js')).toBeUndefined();
    expect(assets.get('/_next/static/chunks/../chunks/app.js')).toBeUndefined();
    expect(loadPrecompressed(path.join(dir, 'missing')).size).toBe(0);
  });

  test('the front server sends the .br with the asset headers to a browser that takes Brotli, and leaves the rest to Next.js', async () => {
    const { dir, script } = staticFolder();
    await precompressDirectory(dir);
    const app = await upstream();
    const { port } = await front({ upstreamPort: app.port, precompressed: loadPrecompressed(dir) });
    const br = await send(port, { path: '/_next/static/chunks/app.js?dpl=1', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    expect(zlib.brotliDecompressSync(br.bytes).toString('utf8')).toBe(script);
    expect(app.seen).toEqual([]);

    const head = await send(port, { method: 'HEAD', path: '/_next/static/chunks/deep/page.css', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.bytes.length).toBe(0);
    expect(app.seen).toEqual([]);

    // Next.js answers: a browser without Brotli, a file without its .br, a path outside the folder, a POST.
    await send(port, { path: '/_next/static/chunks/app.js', headers: { 'accept-encoding': 'gzip' } });
    await send(port, { path: '/_next/static/chunks/tiny.js', headers: { 'accept-encoding': 'br' } });
    await send(port, { path: '/_next/static/chunks/../chunks/app.js', headers: { 'accept-encoding': 'br' } });
    await send(port, { path: '/_next/static/chunks/app.js', headers: { 'accept-encoding': 'br;q=0' } });
    const post = await send(port, { method: 'POST', path: '/_next/static/chunks/app.js', headers: { 'accept-encoding': 'br' } });
    expect(post.body).toBe('ok 0');
    expect(app.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /_next/static/chunks/app.js',
      'GET /_next/static/chunks/tiny.js',
      'GET /_next/static/chunks/../chunks/app.js',
      'GET /_next/static/chunks/app.js',
      'POST /_next/static/chunks/app.js',
    ]);
  });
});

describe('pages in Brotli as they stream (compressPages)', () => {
  /** An upstream that answers /page in two parts, the second only once `release` is called, and /pdf, /small, /gz at once. */
  async function streamingUpstream() {
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = `<!DOCTYPE html><html><body><h1>Xã Nga My</h1>${'<p class="cell">Cán bộ, công chức</p>'.repeat(300)}`;
    const second = `${'<p class="cell">Phần sau của trang</p>'.repeat(300)}</body></html>`;
    const server = http.createServer((req, res) => {
      seen.push(String(req.headers['accept-encoding']));
      if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', vary: 'RSC, Next-Router-State-Tree', etag: '"abc"' });
        res.write(first);
        void released.then(() => res.end(second));
      } else if (req.url === '/pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '4096' });
        res.end(Buffer.alloc(4096, 1));
      } else if (req.url === '/dies') {
        // A Next.js process that dies mid-answer.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write(first);
        setTimeout(() => req.socket.destroy(), 50);
      } else if (req.url === '/part') {
        res.writeHead(206, { 'content-type': 'text/plain', 'content-range': 'bytes 0-4095/8192', 'content-length': '4096' });
        res.end('x'.repeat(4096));
      } else if (req.url === '/small') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
        res.end('ok');
      } else {
        const body = zlib.gzipSync('x'.repeat(5000));
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(body.length) });
        res.end(body);
      }
    });
    const port = await listen(server);
    closers.push(closing(server));
    return { port, seen, release, first, second };
  }

  test('a browser that takes Brotli gets the page compressed, its first part before the rest is written', async () => {
    const app = await streamingUpstream();
    const { port } = await front({ upstreamPort: app.port, compressPages: true });
    const answer = await new Promise<{ headers: http.IncomingHttpHeaders; body: string; firstPart: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/page', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' }, agent: false }, (res) => {
        const decoder = zlib.createBrotliDecompress();
        let text = '';
        let firstPart = '';
        decoder.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          // The first part arrived, decoded, while the upstream still holds the rest back.
          if (!firstPart && text.length >= app.first.length) {
            firstPart = text;
            app.release();
          }
        });
        decoder.on('end', () => resolve({ headers: res.headers, body: text, firstPart }));
        decoder.on('error', reject);
        res.pipe(decoder);
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.firstPart).toBe(app.first);
    expect(answer.body).toBe(app.first + app.second);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers.vary).toBe('RSC, Next-Router-State-Tree, Accept-Encoding');
    expect(answer.headers.etag).toBe('W/"abc"');
    expect(app.seen).toEqual(['identity']);
  });

  test('anything else goes as Next.js sent it: another browser, a PDF, a tiny answer, an answer already compressed', async () => {
    const app = await streamingUpstream();
    app.release();
    const { port } = await front({ upstreamPort: app.port, compressPages: true });
    const gzipOnly = await send(port, { path: '/page', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipOnly.headers['content-encoding']).toBeUndefined();
    expect(gzipOnly.body).toBe(app.first + app.second);
    for (const path of ['/pdf', '/small', '/gz']) {
      const answer = await send(port, { path, headers: { 'accept-encoding': 'br' } });
      expect(answer.headers['content-encoding'], path).toBe(path === '/gz' ? 'gzip' : undefined);
    }
    const head = await send(port, { method: 'HEAD', path: '/small', headers: { 'accept-encoding': 'br' } });
    expect(head.headers['content-encoding']).toBeUndefined();
    const part = await send(port, { path: '/part', headers: { 'accept-encoding': 'br' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.headers['content-range']).toBe('bytes 0-4095/8192');
    // A browser that takes Brotli has Next.js asked for identity, whatever comes back; HEAD and gzip-only keep theirs.
    expect(app.seen).toEqual(['gzip', 'identity', 'identity', 'identity', 'br', 'identity']);
  });

  test('a Next.js process that dies mid-answer ends the answer to the browser, compressed or not (it does not hang)', async () => {
    const app = await streamingUpstream();
    const { port } = await front({ upstreamPort: app.port, compressPages: true });
    for (const encoding of ['br', 'gzip']) {
      const outcome = await new Promise<string>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/dies', headers: { 'accept-encoding': encoding }, agent: false }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => resolve('ended'));
          res.on('aborted', () => resolve('aborted'));
          res.on('error', () => resolve('aborted'));
        });
        req.on('error', () => resolve('aborted'));
        req.end();
      });
      expect(outcome, encoding).toBe('aborted');
    }
  });

  test('without compressPages nothing changes', async () => {
    const app = await streamingUpstream();
    app.release();
    const { port } = await front({ upstreamPort: app.port });
    const answer = await send(port, { path: '/page', headers: { 'accept-encoding': 'br' } });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(app.seen).toEqual(['br']);
  });
});
