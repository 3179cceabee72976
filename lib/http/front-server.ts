import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { pipeline, type Duplex } from 'node:stream';
import { securityHeaders } from '@/lib/auth/security-headers';
import { env, type TrustedProxies } from '@/lib/env';
import { defaultMessage } from '@/lib/i18n/translator';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { CLIENT_ADDRESS_HEADER, forwardingDepth, isTrustedPeer, resolveClientAddress } from './client-address';
import { isCachedPath, MAX_PAGE_BYTES, pageKeyOf, PageStore, renderErrorWatch, varyIsKeyed, type KeptPage, type PageCacheSource } from './page-cache';
import { acceptsBrotli, acceptsGzip, acceptsIdentity, isCompressibleType, PAGE_BROTLI_PARAMS, pageCompressor, type PrecompressedAssets } from './precompressed';

// The server in front of Next.js (docs/decisions/034-trusted-proxies-and-the-client-address.md). `npm start`, `npm
// run dev` and the end-to-end server listen with it on the public port and run Next.js on a loopback port behind
// it. It strips every forwarding header a client may send (Next.js would keep an X-Forwarded-For from anyone), sets
// the client address in one private header (lib/http/client-address.ts) and refuses a body past its limit with 413
// before Next.js reads it.

/** Every request body but the workbook upload: forms and server actions are small. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** The workbook upload (a server action posted to /import): the 25 MB file, its multipart envelope and the form's fields. */
export const UPLOAD_BODY_LIMIT = MAX_IMPORT_BYTES + 5 * 1024 * 1024;
const UPLOAD_PATHS = new Set(['/import']);
/** A support request's attachment (app/api/support/[id]/attachments): one file of SUPPORT_MAX_ATTACHMENT_MB and its envelope. */
const ATTACHMENT_PATH = /^\/api\/support\/\d+\/attachments$/;
export const attachmentBodyLimit = () => (env.SUPPORT_MAX_ATTACHMENT_MB + 1) * 1024 * 1024;

/** Headers no client may set for the app: the proxies' own, and ours. */
const isForwarding = (name: string) => name.startsWith('x-forwarded-') || name === 'forwarded' || name === 'x-real-ip' || name === CLIENT_ADDRESS_HEADER;
/** Headers of one connection, not of the request (RFC 9110, section 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer', 'proxy-authorization']);

/** A raw header list (name, value, …) without the header `name` (lower case). */
const withoutHeader = (raw: readonly string[], name: string): string[] => raw.filter((_, i) => i % 2 === 1 ? raw[i - 1].toLowerCase() !== name : raw[i].toLowerCase() !== name);

/** X-Forwarded-For as one list (repeated headers joined in order). */
const forwardedForOf = (req: http.IncomingMessage): string | undefined => [req.headers['x-forwarded-for'] ?? []].flat().join(', ') || undefined;

export type Upstream = { host: string; port: number };

export type FrontServerOptions = {
  /**
   * The Next.js process, or the processes (one per core: WEB_CONCURRENCY), it forwards to. Each request goes to the
   * process with the fewest requests in flight, the next in turn on a tie; a process that refuses connections (still
   * starting, or gone) is left out until it accepts them again.
   */
  upstream: Upstream | readonly Upstream[];
  trustProxy?: TrustedProxies;
  /** Where the one-time warning about untrusted forwarding headers goes (default console.warn). */
  warn?: (message: string) => void;
  /**
   * The build's static assets compressed with Brotli (lib/http/precompressed.ts), sent from here to a browser that
   * accepts Brotli; any other request for them goes to Next.js.
   */
  precompressed?: PrecompressedAssets;
  /**
   * Compresses pages and other text answers with Brotli for a browser that accepts it, as they stream (Next.js asked
   * for them uncompressed); without it, or for another browser, Next.js's own gzip passes through.
   */
  compressPages?: boolean;
  /**
   * Keeps the pages listed in lib/http/page-cache.ts by data version and sends a kept copy while the key is the same
   * (docs/decisions/052-pages-cached-by-data-version.md); without it every page goes to Next.js.
   */
  pageCache?: PageCacheSource;
};

/** The answer's header that says whether a kept page's copy was sent (`hit`) or the page rendered and kept (`miss`). */
export const PAGE_CACHE_HEADER = 'X-Page-Cache';

/** Headers of a kept answer that are written anew for each copy sent. */
const UNKEPT_HEADERS = new Set(['content-length', 'transfer-encoding', 'date', 'connection', 'keep-alive']);

/** Below this a declared answer goes as it is: compressing it would not pay. */
const MIN_COMPRESSED_BYTES = 1024;

/** The headers Next.js sends with a build's static asset (next.config.ts's fixed security headers, cached a year). */
const STATIC_ASSET_HEADERS = { ...securityHeaders({ https: false }), 'Cache-Control': 'public, max-age=31536000, immutable', Vary: 'Accept-Encoding' };

/** The body limit of a request: the upload's for a POST to the upload page, else the default. */
export function bodyLimitOf(method: string | undefined, url: string | undefined): number {
  if (method !== 'POST') return DEFAULT_BODY_LIMIT;
  try {
    const pathname = new URL(url ?? '/', 'http://front').pathname;
    if (ATTACHMENT_PATH.test(pathname)) return attachmentBodyLimit();
    return UPLOAD_PATHS.has(pathname) ? UPLOAD_BODY_LIMIT : DEFAULT_BODY_LIMIT;
  } catch {
    return DEFAULT_BODY_LIMIT;
  }
}

/** Picks the upstream for each request (see FrontServerOptions.upstream) and keeps count of what each has in flight. */
export function createBalancer(upstreams: readonly Upstream[], probeEveryMs = 250) {
  if (upstreams.length === 0) throw new Error('no upstream');
  // With several, each joins once it has accepted a connection (a process still starting gets no request).
  const state = upstreams.map((upstream) => ({ upstream, inFlight: 0, refused: upstreams.length > 1, probe: null as NodeJS.Timeout | null }));
  let turn = 0;
  /** Tries a connection every probeEveryMs until one is accepted, then puts the upstream back. */
  function probe(entry: (typeof state)[number]) {
    if (entry.probe) return;
    entry.probe = setInterval(() => {
      const socket = net.connect(entry.upstream.port, entry.upstream.host);
      socket.once('connect', () => {
        socket.destroy();
        entry.refused = false;
        if (entry.probe) clearInterval(entry.probe);
        entry.probe = null;
      });
      socket.once('error', () => socket.destroy());
    }, probeEveryMs);
    entry.probe.unref();
  }
  for (const entry of state) if (entry.refused) probe(entry);
  return {
    /** The upstream for the next request and the function that ends its count (call it once, when the request ends). */
    acquire(): { upstream: Upstream; release: () => void; refused: () => void } {
      const open = state.filter((e) => !e.refused);
      const pool = open.length > 0 ? open : state;
      const start = turn++ % pool.length;
      let chosen = pool[start];
      for (let i = 1; i < pool.length; i++) {
        const candidate = pool[(start + i) % pool.length];
        if (candidate.inFlight < chosen.inFlight) chosen = candidate;
      }
      chosen.inFlight++;
      let released = false;
      return {
        upstream: chosen.upstream,
        release: () => {
          if (released) return;
          released = true;
          chosen.inFlight--;
        },
        refused: () => {
          if (state.length === 1) return;
          chosen.refused = true;
          probe(chosen);
        },
      };
    },
    close() {
      for (const entry of state) if (entry.probe) clearInterval(entry.probe);
    },
  };
}

const isRefused = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ECONNREFUSED';

export function createFrontServer(options: FrontServerOptions): http.Server {
  const agent = new http.Agent({ keepAlive: true });
  const balancer = createBalancer(Array.isArray(options.upstream) ? options.upstream : [options.upstream as Upstream]);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let warned = false;

  /** The request's headers as the app gets them: forwarding and hop-by-hop ones dropped, the client address set. */
  function upstreamHeaders(req: http.IncomingMessage, upgrade: boolean): string[] {
    const connectionTokens = new Set((req.headers.connection ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean));
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i].toLowerCase();
      if (isForwarding(name)) continue;
      if (!upgrade && (HOP_BY_HOP.has(name) || connectionTokens.has(name))) continue;
      headers.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    const forwardedFor = forwardedForOf(req);
    if (!options.trustProxy && !warned && (forwardedFor !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined)) {
      warned = true;
      warn(defaultMessage('system.frontServer.untrustedForwarding'));
    }
    const address = resolveClientAddress(req.socket.remoteAddress, forwardedFor, options.trustProxy);
    if (address) headers.push(CLIENT_ADDRESS_HEADER, address);
    const proto = trustedProto(req);
    if (proto) headers.push('x-forwarded-proto', proto);
    return headers;
  }

  /** The scheme the client used, as the trusted proxy in front of it wrote it (HTTPS cookies and HSTS depend on it). */
  function trustedProto(req: http.IncomingMessage): string | null {
    if (!isTrustedPeer(req.socket.remoteAddress, options.trustProxy)) return null;
    const values = (req.headers['x-forwarded-proto'] as string | undefined)?.split(',').map((v) => v.trim().toLowerCase()) ?? [];
    if (values.length === 0) return null;
    // The value of the proxy the client reached: as many from the right as hops were taken to the client.
    const depth = Math.max(1, forwardingDepth(req.socket.remoteAddress, forwardedForOf(req), options.trustProxy));
    const value = values[Math.max(0, values.length - depth)];
    return value === 'https' || value === 'http' ? value : null;
  }

  function answer(res: http.ServerResponse, status: number, message: string) {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
    res.end(message);
  }

  const tooLarge = (limit: number) => defaultMessage('system.frontServer.bodyTooLarge', { limit: Math.round(limit / (1024 * 1024)) });

  /** Sends the Brotli file of a static asset when there is one and the browser takes it; false leaves the request to Next.js. */
  function servePrecompressed(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (!options.precompressed || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const asset = options.precompressed.get((req.url ?? '').split('?')[0]);
    if (!asset || !acceptsBrotli(req.headers['accept-encoding'])) return false;
    // A file gone since the start (a build meanwhile) is left to Next.js rather than answered 200 and cut.
    if (!fs.existsSync(asset.file)) return false;
    res.writeHead(200, { ...STATIC_ASSET_HEADERS, 'Content-Type': asset.contentType, 'Content-Encoding': 'br', 'Content-Length': asset.size });
    req.resume();
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    pipeline(fs.createReadStream(asset.file), res, (error) => {
      if (error) res.destroy();
    });
    return true;
  }

  const pages = options.pageCache && options.pageCache.maxBytes > 0 ? { source: options.pageCache, store: new PageStore(options.pageCache.maxBytes) } : null;

  /**
   * Sends a kept copy of a page: as kept (Brotli) to a browser that takes it; inflated and gzipped to one that takes
   * gzip only (a browser on plain HTTP); inflated to any other.
   */
  function sendKept(req: http.IncomingMessage, res: http.ServerResponse, kept: KeptPage) {
    const send = (body: Buffer, encoding: string | null) => {
      res.writeHead(kept.status, [...kept.headers, ...(encoding ? ['Content-Encoding', encoding] : []), 'Content-Length', String(body.length), PAGE_CACHE_HEADER, 'hit']);
      res.end(body);
    };
    const accepted = req.headers['accept-encoding'];
    if (acceptsBrotli(accepted)) return send(kept.body, 'br');
    const failed = () => answer(res, 502, defaultMessage('system.frontServer.unavailable'));
    zlib.brotliDecompress(kept.body, (error, body) => {
      if (error) return failed();
      if (!acceptsGzip(accepted)) return send(body, null);
      zlib.gzip(body, (gzipError, gzipped) => (gzipError ? failed() : send(gzipped, 'gzip')));
    });
  }

  const server = http.createServer((req, res) => {
    if (servePrecompressed(req, res)) return;
    const keyed = pages && req.method === 'GET' && isCachedPath(req.url ?? '') && (acceptsBrotli(req.headers['accept-encoding']) || acceptsIdentity(req.headers['accept-encoding']));
    if (!pages || !keyed) return forward(req, res, null);
    pageKeyOf(pages.source, req, trustedProto(req))
      .catch(() => null)
      .then((key) => {
        // A client gone while the key was read is not forwarded (its answer's end would never be counted).
        if (res.destroyed || req.socket.destroyed) return;
        const kept = key ? pages.store.get(key) : undefined;
        if (kept) sendKept(req, res, kept);
        else forward(req, res, key);
      })
      .catch(() => answer(res, 502, defaultMessage('system.frontServer.unavailable')));
  });

  /** Sends the request to a Next.js process and its answer back; `keepAs`: the page's key, to keep the answer under. */
  function forward(req: http.IncomingMessage, res: http.ServerResponse, keepAs: string | null) {
    const limit = bodyLimitOf(req.method, req.url);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      answer(res, 413, tooLarge(limit));
      req.resume();
      return;
    }
    const target = balancer.acquire();
    res.on('close', target.release);
    // A browser that takes Brotli gets the answer compressed here: Next.js is asked for it uncompressed. So is a page
    // to keep, whatever the client takes: it is kept in Brotli, and a gzip-only client gets it gzipped here.
    const accepted = req.headers['accept-encoding'];
    const brotli = options.compressPages === true && req.method !== 'HEAD' && acceptsBrotli(accepted);
    const coding: 'br' | 'gzip' | null = brotli ? 'br' : keepAs !== null && acceptsGzip(accepted) ? 'gzip' : null;
    const forwarded = upstreamHeaders(req, false);
    const headersOut = brotli || keepAs !== null ? [...withoutHeader(forwarded, 'accept-encoding'), 'Accept-Encoding', 'identity'] : forwarded;
    const upstream = http.request({ ...target.upstream, agent, method: req.method, path: req.url, headers: headersOut }, (upstreamRes) => {
      const status = upstreamRes.statusCode ?? 502;
      const length = upstreamRes.headers['content-length'] === undefined ? null : Number(upstreamRes.headers['content-length']);
      // Not compressed: no body (204, 304), a part of a body (206: its Content-Range counts the bytes as they are).
      const compress =
        coding !== null &&
        status !== 204 &&
        status !== 206 &&
        status !== 304 &&
        !upstreamRes.headers['content-range'] &&
        !upstreamRes.headers['content-encoding'] &&
        isCompressibleType(upstreamRes.headers['content-type']) &&
        !/no-transform/i.test(String(upstreamRes.headers['cache-control'] ?? '')) &&
        (length === null || length >= MIN_COMPRESSED_BYTES);
      const headers: string[] = [];
      let vary: string | null = null;
      for (let i = 0; i < upstreamRes.rawHeaders.length; i += 2) {
        const name = upstreamRes.rawHeaders[i].toLowerCase();
        if (HOP_BY_HOP.has(name)) continue;
        if (compress && name === 'content-length') continue;
        if ((compress || keepAs !== null) && name === 'vary') {
          vary = vary ? `${vary}, ${upstreamRes.rawHeaders[i + 1]}` : upstreamRes.rawHeaders[i + 1];
          continue;
        }
        if (compress && name === 'accept-ranges') continue;
        // The compressed bytes differ from the ones a strong validator named (a 304 to the same browser says so too).
        if ((compress || (coding !== null && status === 304)) && name === 'etag' && !upstreamRes.rawHeaders[i + 1].startsWith('W/')) {
          headers.push(upstreamRes.rawHeaders[i], `W/${upstreamRes.rawHeaders[i + 1]}`);
          continue;
        }
        headers.push(upstreamRes.rawHeaders[i], upstreamRes.rawHeaders[i + 1]);
      }
      const varyValue = vary && !/accept-encoding/i.test(vary) ? `${vary}, Accept-Encoding` : (vary ?? 'Accept-Encoding');
      const neutral = keepAs !== null || compress ? [...headers, 'Vary', varyValue] : headers;
      const sent = compress && coding ? [...neutral, 'Content-Encoding', coding] : neutral;
      // A page's answer is kept when it is the page itself, whole, as Next.js sent it (uncompressed), and depends on
      // nothing the key does not hold: no cookie set, no Vary past the key's headers.
      const keep =
        keepAs !== null &&
        status === 200 &&
        /^text\/(html|x-component)\b/i.test(String(upstreamRes.headers['content-type'] ?? '')) &&
        upstreamRes.headers['set-cookie'] === undefined &&
        varyIsKeyed([upstreamRes.headers.vary ?? []].flat().join(',')) &&
        !upstreamRes.headers['content-encoding'];
      // The page as Next.js streams it: its size uncompressed, whether React streamed an error into it after the 200
      // (lib/http/page-cache.ts renderErrorWatch), and the chunks to keep (the Brotli ones for a Brotli client).
      const chunks: Buffer[] = [];
      let raw = 0;
      const errors = renderErrorWatch();
      const keepBrotli = compress && coding === 'br';
      if (keep) {
        upstreamRes.on('data', (chunk: Buffer) => {
          raw += chunk.length;
          errors.see(chunk);
          if (!keepBrotli && raw <= MAX_PAGE_BYTES) chunks.push(chunk);
        });
      }
      // A Next.js process that dies mid-answer ends the browser's answer too (an error on upstreamRes alone would
      // otherwise leave it open, waiting for the rest).
      const ended = (error: Error | null | undefined) => {
        if (error) return void res.destroy();
        if (!pages || !keep || keepAs === null || raw > MAX_PAGE_BYTES || errors.seen) return;
        const keptHeaders = neutral.filter((_, i) => !UNKEPT_HEADERS.has(neutral[i - (i % 2)].toLowerCase()));
        const body = Buffer.concat(chunks);
        if (keepBrotli) return pages.store.set(keepAs, { status, headers: keptHeaders, body });
        // Sent as is or gzipped: kept in Brotli all the same, compressed once the client has its answer.
        zlib.brotliCompress(body, { params: PAGE_BROTLI_PARAMS }, (error, compressed) => {
          if (!error) pages.store.set(keepAs, { status, headers: keptHeaders, body: compressed });
        });
      };
      const marked = keepAs === null ? sent : [...sent, PAGE_CACHE_HEADER, 'miss'];
      if (!compress) {
        res.writeHead(status, upstreamRes.statusMessage, marked);
        pipeline(upstreamRes, res, ended);
        return;
      }
      res.writeHead(status, upstreamRes.statusMessage, marked);
      const compressor = coding === 'br' ? pageCompressor(length ?? undefined) : zlib.createGzip();
      if (keep && keepBrotli) {
        compressor.on('data', (chunk: Buffer) => {
          if (raw <= MAX_PAGE_BYTES) chunks.push(chunk);
        });
      }
      // What Next.js has streamed so far goes out at once (the page's shell before its slower parts): a flush once
      // each burst of chunks has been written, not one per chunk, which would cost compression.
      let flushing = false;
      upstreamRes.on('data', () => {
        if (flushing) return;
        flushing = true;
        setImmediate(() => {
          flushing = false;
          if (!compressor.writableEnded && !compressor.destroyed) compressor.flush();
        });
      });
      pipeline(upstreamRes, compressor, res, ended);
    });
    upstream.on('error', (error) => {
      if (isRefused(error)) target.refused();
      answer(res, 502, defaultMessage('system.frontServer.unavailable'));
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) {
        if (!upstream.write(chunk)) {
          req.pause();
          upstream.once('drain', () => req.resume());
        }
        return;
      }
      req.removeAllListeners('data');
      upstream.removeAllListeners('error');
      upstream.on('error', () => undefined);
      upstream.destroy();
      answer(res, 413, tooLarge(limit));
      req.resume();
    });
    req.on('end', () => {
      if (received <= limit) upstream.end();
    });
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const target = balancer.acquire();
    socket.on('close', target.release);
    const upstream = http.request({ ...target.upstream, method: req.method, path: req.url, headers: upstreamHeaders(req, true) });
    upstream.on('upgrade', (upstreamRes, upstreamSocket, upstreamHead) => {
      // Either side ending ends both: an upgraded connection (a WebSocket) has no half-closed state worth keeping.
      upstreamSocket.on('error', () => socket.destroy());
      for (const event of ['end', 'close']) {
        upstreamSocket.on(event, () => socket.destroy());
        socket.on(event, () => upstreamSocket.destroy());
      }
      const lines = [`HTTP/1.1 ${upstreamRes.statusCode} ${upstreamRes.statusMessage}`];
      for (let i = 0; i < upstreamRes.rawHeaders.length; i += 2) lines.push(`${upstreamRes.rawHeaders[i]}: ${upstreamRes.rawHeaders[i + 1]}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (upstreamHead.length) socket.write(upstreamHead);
      if (head.length) upstreamSocket.write(head);
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
    });
    upstream.on('response', (upstreamRes) => {
      // The app declined the upgrade: its answer goes back as is, and the connection ends.
      const lines = [`HTTP/1.1 ${upstreamRes.statusCode} ${upstreamRes.statusMessage}`];
      for (let i = 0; i < upstreamRes.rawHeaders.length; i += 2) lines.push(`${upstreamRes.rawHeaders[i]}: ${upstreamRes.rawHeaders[i + 1]}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstreamRes.pipe(socket);
    });
    upstream.on('error', (error) => {
      if (isRefused(error)) target.refused();
      socket.destroy();
    });
    upstream.end();
  });

  server.on('close', () => {
    agent.destroy();
    balancer.close();
  });
  return server;
}

/** A free TCP port on the loopback interface, for Next.js behind the front server. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningFrontServer = { upstreams: Upstream[]; close: () => Promise<void> };

/**
 * Listens on the public `port` and `host` and forwards to `processes` Next.js processes (default 1), each on a free
 * loopback port, which the caller starts Next.js on (`next start -H 127.0.0.1 -p <upstreams[i].port>`, see
 * scripts/lib/next-processes.ts): Next.js is then reachable only through this server.
 */
export async function startFrontServer(listen: {
  port: number;
  host: string;
  trustProxy?: TrustedProxies;
  processes?: number;
  precompressed?: PrecompressedAssets;
  compressPages?: boolean;
  pageCache?: PageCacheSource;
}): Promise<RunningFrontServer> {
  const upstreams: Upstream[] = [];
  while (upstreams.length < (listen.processes ?? 1)) {
    const port = await freeLoopbackPort();
    if (!upstreams.some((u) => u.port === port)) upstreams.push({ host: '127.0.0.1', port });
  }
  const server = createFrontServer({ upstream: upstreams, trustProxy: listen.trustProxy, precompressed: listen.precompressed, compressPages: listen.compressPages, pageCache: listen.pageCache });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return {
    upstreams,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
