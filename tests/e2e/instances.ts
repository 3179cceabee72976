import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Several app instances behind nginx on one PostgreSQL, for tests/e2e/several-instances.spec.ts
// (docs/decisions/048-several-instances.md). Each instance is `npm start` (scripts/start.ts) in a process of its
// own, as on a machine of its own: the migrations and grants as the owner, then the front server on its port and
// `next start` of the one production build behind it. nginx from Debian stands in front of them, as the README's
// production layout shows. This module loads nothing of the app (Playwright's loader refuses the catalogues' JSON
// imports the front server reaches): it only starts processes, each in a process group of its own, stopped by its
// id when the spec ends, and killed when the test process exits in any other way.

/** Where Debian and a source build put nginx; PATH is searched too. */
const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];

/** The nginx binary, or null when it is not installed. */
export function findNginx(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  return [onPath, ...NGINX_PATHS].find((candidate) => candidate && fs.existsSync(candidate)) ?? null;
}

/** Debian's package manager, non-interactive; the error's last lines when it fails. */
function aptGet(args: string[], timeoutMs: number): string | null {
  const run = spawnSync('apt-get', args, { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run.status === 0) return null;
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ');
  return run.error ? String(run.error.message) : output || `exit ${run.status}`;
}

/**
 * The nginx binary, installed from Debian's packages when missing (`nginx-light`, else `nginx`; the package lists
 * are refreshed once if the first attempt fails). Returns why not when it cannot be had: not root, no apt-get, or
 * the packages could not be fetched.
 */
export function ensureNginx(): { bin: string } | { reason: string } {
  const found = findNginx();
  if (found) return { bin: found };
  if (process.getuid?.() !== 0) return { reason: 'nginx is not installed, and installing it needs root (apt-get install nginx-light)' };
  if (spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return { reason: 'nginx is not installed, and apt-get is not available to install it' };
  const pidFile = '/run/nginx.pid';
  const running = fs.existsSync(pidFile);
  let failure: string | null = null;
  for (const attempt of [['nginx-light'], ['update'], ['nginx-light'], ['nginx']]) {
    const refresh = attempt[0] === 'update';
    failure = aptGet(refresh ? ['update', '-qq'] : ['install', '-y', '-qq', ...attempt], 150_000);
    if (!refresh && failure === null && findNginx()) break;
  }
  const bin = findNginx();
  if (!bin) return { reason: `nginx is not installed and apt-get could not install it (${failure ?? 'no nginx binary after installing'})` };
  // Where the package's own service was started by the installation, stop it: only the test's nginx should run.
  if (!running && fs.existsSync(pidFile)) spawnSync(bin, ['-s', 'quit'], { timeout: 10_000 });
  return { bin };
}

/** The address nginx connects to the instances from: not the client's (127.0.0.1), so the two can be told apart. */
export const NGINX_UPSTREAM_ADDRESS = '127.0.0.2';

/** Process groups this module started and has not seen end: killed if the test process exits before stopping them. */
const running = new Set<number>();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

type Started = { child: ChildProcess; log: () => string; exited: () => boolean };

/** `command` in a process group of its own, its output kept for error messages. */
function startGroup(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Started {
  const child = spawn(command, args, { env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) running.add(child.pid);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', () => {
    if (child.pid) running.delete(child.pid);
  });
  return { child, log: () => output, exited: () => child.exitCode !== null || child.signalCode !== null };
}

/** Stops a group: `signal` to all its processes, SIGKILL after 10 s. Resolves once its leader has exited. */
function stopGroup({ child, exited }: Started, signal: NodeJS.Signals): Promise<void> {
  if (exited() || !child.pid) return Promise.resolve();
  const pid = child.pid;
  const kill = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // Already gone.
    }
  };
  return new Promise((resolve) => {
    const force = setTimeout(() => kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      // Whatever the leader left behind in its group goes with it.
      kill('SIGKILL');
      resolve();
    });
    kill(signal);
  });
}

/** Fails when something already listens on one of `ports` (another run, or a process left behind). */
export async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    await new Promise<void>((resolve, reject) => {
      const probe = net.createServer();
      probe.once('error', () => reject(new Error(`Port ${port} is taken: the two-instance test needs it (E2E_PORT + 1 to + 5)`)));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  }
}

/** Waits until `url` answers 200 (the health route), or fails after `timeoutMs` with what the process printed. */
async function waitForHealth(url: string, timeoutMs: number, started: Pick<Started, 'log' | 'exited'>) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.exited()) throw new Error(`stopped before ${url} answered:\n${started.log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${started.log()}`);
}

export type Instance = {
  name: string;
  /** The instance's public port (its front server): nginx's upstream, and where a test reaches it directly. */
  port: number;
  /** Everything the instance printed, for a test to check that nothing failed. */
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * One instance as `npm start` runs it on a machine of its own, in a process group of its own, listening on
 * 127.0.0.1:`port`, with `env` (DATABASE_URL, MIGRATION_DATABASE_URL, AUTH_SECRET, TRUST_PROXY, …) over the test's
 * environment. The production build must be current: `npm start` would otherwise build, in the folder the suite's
 * server is serving.
 */
export async function startInstance(name: string, port: number, env: Record<string, string>): Promise<Instance> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' };
  // It is reached at several origins (its own port and nginx's), so it builds its redirects on the request's own
  // host: no AUTH_URL. Nothing is seeded (the database is a seeded copy). Next.js sets NODE_ENV.
  for (const variable of ['AUTH_URL', 'SEED_DEMO', 'NODE_ENV']) delete childEnv[variable];
  const started = startGroup(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', 'start'], { env: childEnv });
  const stop = () => stopGroup(started, 'SIGTERM');
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000, started);
  } catch (error) {
    await stop();
    throw new Error(`Instance ${name} did not start: ${(error as Error).message}`);
  }
  return { name, port, log: started.log, stop };
}

export type Nginx = {
  /** The balanced port (round robin over every instance) and one port per instance, all through nginx. */
  balanced: number;
  direct: Record<string, number>;
  config: string;
  stop: () => Promise<void>;
};

/**
 * nginx in front of `instances`, configured as the README's production example (X-Forwarded-For appended,
 * X-Forwarded-Proto, the Host as the client sent it, 30 MB uploads), run in the foreground as the test's child with
 * its configuration, pid file, logs and temporary files in a folder of its own. It listens on `ports.balanced`
 * (round robin) and, to address one instance through the proxy, on `ports.direct[name]`; it connects to the
 * instances from NGINX_UPSTREAM_ADDRESS, and every answer names the instance that gave it (X-Upstream).
 */
export async function startNginx(bin: string, instances: Instance[], ports: { balanced: number; direct: Record<string, number> }): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bien-che-nginx-'));
  // Started by root, the workers run as an unprivileged user: they write request bodies and buffered answers
  // under the folder, so it is theirs too.
  fs.chmodSync(dir, 0o755);
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
  for (const temp of temps) {
    fs.mkdirSync(path.join(dir, temp));
    fs.chmodSync(path.join(dir, temp), 0o777);
  }
  const upstreamBlock = (name: string, members: Instance[]) =>
    `  upstream ${name} {\n${members.map((m) => `    server 127.0.0.1:${m.port};\n`).join('')}    keepalive 8;\n  }`;
  const serverBlock = (port: number, upstream: string) => `  server {\n    listen 127.0.0.1:${port};\n    location / { proxy_pass http://${upstream}; }\n  }`;
  const config = [
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    `  access_log ${dir}/access.log;`,
    ...temps.map((temp) => `  ${temp}_temp_path ${dir}/${temp};`),
    '  client_max_body_size 30m;',
    '  proxy_http_version 1.1;',
    '  proxy_set_header Connection "";',
    // The Host with its port: the instances build redirects and check server actions' Origin against it.
    '  proxy_set_header Host $http_host;',
    '  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '  proxy_set_header X-Forwarded-Proto $scheme;',
    '  proxy_read_timeout 120s;',
    `  proxy_bind ${NGINX_UPSTREAM_ADDRESS};`,
    '  add_header X-Upstream $upstream_addr always;',
    upstreamBlock('all_instances', instances),
    ...instances.map((instance) => upstreamBlock(`instance_${instance.name}`, [instance])),
    serverBlock(ports.balanced, 'all_instances'),
    ...instances.map((instance) => serverBlock(ports.direct[instance.name], `instance_${instance.name}`)),
    '}',
    '',
  ].join('\n');
  const configFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(configFile, config);
  // -e: the error log from the start, before the configuration is read (else nginx opens /var/log/nginx/error.log).
  const args = ['-p', dir, '-c', configFile, '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'];
  const check = spawnSync(bin, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx refused its configuration:\n${check.stderr}\n${config}`);
  }
  const started = startGroup(bin, args);
  const log = () => `${started.log()}\n${readIfExists(path.join(dir, 'error.log'))}`;
  const stop = async () => {
    // SIGQUIT: a graceful stop of the master this test started, and of its workers.
    await stopGroup(started, 'SIGQUIT');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of [ports.balanced, ...Object.values(ports.direct)]) {
      await waitForHealth(`http://127.0.0.1:${port}/api/health`, 10_000, { log, exited: started.exited });
    }
  } catch (error) {
    await stop();
    throw new Error(`nginx did not start: ${(error as Error).message}`);
  }
  return { ...ports, config, stop };
}

function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}
