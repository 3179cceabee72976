import { startEmbeddedPostgres, ensureDatabase } from '/work/main/lib/db/embedded-postgres';
const c = await startEmbeddedPostgres({ dir: '/work/main/.data/pg-dev', port: 54359 });
await ensureDatabase(c.url('postgres'), 'dev');
console.log('READY', c.url('dev'));
setInterval(() => {}, 1 << 30);
