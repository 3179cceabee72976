// The npm registry reachable here carries only the linux-x64 builds of platform-specific packages, so npm
// cannot record the other platforms' optional entries in package-lock.json, and `npm ci` then refuses the
// lockfile ("Missing: @swc/core-darwin-arm64@ from lock file"; npm/cli#4828). This adds the entries npm
// would normally write: version, os, cpu and optional. npm ci skips them on other platforms and never
// fetches them. Run after any `npm install` that changes the lockfile; tests/unit/lockfile.test.ts checks it.
import fs from 'node:fs';

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix', 'netbsd'];
const CPU = { arm64: 'arm64', aarch64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', ppc64: 'ppc64', s390x: 's390x', wasm32: 'wasm32', riscv64: 'riscv64', loong64: 'loong64', mips64el: 'mips64el' };

export function platformOf(name) {
  const base = name.split('/').pop();
  const parts = base.split('-');
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('wasi') || parts.includes('wasm32') ? undefined : undefined);
  const cpuPart = parts.find((p) => p in CPU);
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') || parts.includes('gnueabihf') ? 'glibc' : undefined;
  return { os: os ? [os] : undefined, cpu: cpuPart ? [CPU[cpuPart]] : undefined, libc: libc && os === 'linux' ? [libc] : undefined };
}

export function missingOptionalEntries(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const parent = key === '' ? '' : key + '/';
      const nested = `${parent}node_modules/${dep}`;
      const hoisted = `node_modules/${dep}`;
      if (!packages[nested] && !packages[hoisted]) missing.push({ path: hoisted, name: dep, version });
    }
  }
  return missing;
}

export function completeLockfile(lock) {
  const added = [];
  for (const m of missingOptionalEntries(lock)) {
    if (lock.packages[m.path]) continue;
    const { os, cpu, libc } = platformOf(m.name);
    const entry = { version: m.version, optional: true };
    if (cpu) entry.cpu = cpu;
    if (os) entry.os = os;
    if (libc) entry.libc = libc;
    if (!os && !cpu) entry.cpu = ['wasm32'];
    lock.packages[m.path] = entry;
    added.push(m.path);
  }
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  return added;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'package-lock.json';
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
  const added = completeLockfile(lock);
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  console.log(added.length ? `Added ${added.length} platform entries to ${file}` : `${file} is complete`);
}
