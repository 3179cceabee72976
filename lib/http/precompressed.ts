import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

// The build's static assets (`.next/static`: scripts, styles) compressed once with Brotli at its highest quality,
// next to each file as `<file>.br` (by the first start after a build: scripts/lib/next-processes.ts), and served from
// there by the front server to a browser that accepts Brotli (docs/decisions/051-no-web-font-and-brotli-assets.md). Next.js sends them gzipped, compressed again on every
// request; Brotli at quality 11 is about 14 % smaller, which on a 400 kbps link is the time of a round trip or two.
// A browser without Brotli, a file without its `.br`, and `next dev` get Next.js's answer as before.

/** What is worth compressing: text. Fonts and images are compressed formats already. */
const COMPRESSIBLE: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=UTF-8',
  '.txt': 'text/plain; charset=UTF-8',
};

/** Below this a file is sent as Next.js sends it: compression would not pay for itself. */
const MIN_BYTES = 1024;

/** The prefix under which Next.js serves `.next/static`. */
export const STATIC_PREFIX = '/_next/static/';

const brotli = promisify(zlib.brotliCompress);

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Writes `<file>.br` beside every compressible file of `dir` (a build's `.next/static`) that has none yet or an
 * older one; a build writes new file names, so a second run over the same build does nothing. Returns what it did.
 */
export async function precompressDirectory(dir: string): Promise<{ files: number; bytesIn: number; bytesOut: number }> {
  const done = { files: 0, bytesIn: 0, bytesOut: 0 };
  if (!fs.existsSync(dir)) return done;
  for (const file of walk(dir)) {
    if (!(path.extname(file) in COMPRESSIBLE)) continue;
    const stat = fs.statSync(file);
    if (stat.size < MIN_BYTES) continue;
    const target = `${file}.br`;
    if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= stat.mtimeMs) continue;
    const source = fs.readFileSync(file);
    const compressed = await brotli(source, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
    });
    // Written under a temporary name, then renamed: a server reading the folder never sees half a file.
    const partial = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(partial, compressed);
    fs.renameSync(partial, target);
    done.files++;
    done.bytesIn += source.length;
    done.bytesOut += compressed.length;
  }
  return done;
}

export type PrecompressedAsset = { file: string; size: number; contentType: string };

/** The precompressed files of one build, by the path they are requested at (read once, when the server starts). */
export type PrecompressedAssets = { get(pathname: string): PrecompressedAsset | undefined; readonly size: number };

/**
 * The `.br` files under `dir` (a build's `.next/static`), looked up by request path (`/_next/static/chunks/x.js`).
 * Only paths found in the folder when the server starts are served, so no request path reaches the file system.
 */
export function loadPrecompressed(dir: string): PrecompressedAssets {
  const assets = new Map<string, PrecompressedAsset>();
  if (fs.existsSync(dir)) {
    for (const file of walk(dir)) {
      if (!file.endsWith('.br')) continue;
      const original = file.slice(0, -'.br'.length);
      const contentType = COMPRESSIBLE[path.extname(original)];
      if (!contentType || !fs.existsSync(original)) continue;
      const relative = path.relative(dir, original).split(path.sep).join('/');
      assets.set(`${STATIC_PREFIX}${relative}`, { file, size: fs.statSync(file).size, contentType });
    }
  }
  return { get: (pathname) => assets.get(pathname), size: assets.size };
}

/** Answers worth compressing on the fly: pages, React payloads, CSV and JSON (not PDF, workbooks or images). */
export function isCompressibleType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type.startsWith('text/') && type !== 'text/event-stream' ? true : ['application/json', 'application/javascript', 'application/xml', 'image/svg+xml'].includes(type);
}

/** Brotli for a page as it streams from Next.js: quality 4, about 2 ms for a 230 KB page, 16 % smaller than gzip's 6. */
export function pageCompressor(sizeHint?: number): zlib.BrotliCompress {
  return zlib.createBrotliCompress({
    params: { ...PAGE_BROTLI_PARAMS, ...(sizeHint ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {}) },
  });
}

/** Brotli's settings for pages: quality 4, text mode. */
export const PAGE_BROTLI_PARAMS = {
  [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
  [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
};

/**
 * The weight an Accept-Encoding header gives `coding`: its own, else that of `*`, else null (not named; RFC 9110,
 * section 12.5.3). A malformed weight counts as 0.
 */
function codingWeight(header: string | string[] | undefined, coding: string): number | null {
  const value = [header ?? []].flat().join(',');
  let own: number | null = null;
  let any: number | null = null;
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, raw] = param.trim().split('=');
      if (key === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(raw ?? '') ? Number(raw) : 0;
    }
    if (name.trim() === coding) own = q;
    else if (name.trim() === '*') any = q;
  }
  return own ?? any;
}

/** Whether an Accept-Encoding header admits Brotli: `br` listed with a weight above zero, or `*` above zero with `br` not refused. */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  return (codingWeight(header, 'br') ?? 0) > 0;
}

/** Whether an Accept-Encoding header admits gzip, as acceptsBrotli does Brotli. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return (codingWeight(header, 'gzip') ?? 0) > 0;
}

/** Whether a client takes an answer without compression: always, unless `identity` (or `*` without it) has weight 0. */
export function acceptsIdentity(header: string | string[] | undefined): boolean {
  return (codingWeight(header, 'identity') ?? 1) > 0;
}
