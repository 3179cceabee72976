import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITIES, AUDIT_EVENT_NAMES, AuditContractError, checkAuditEvent, readAuditPayloads } from '@/lib/audit/events';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';

// The audit trail's contract (docs/decisions/020-typed-audit-events.md): one declaration per event, one writer.

const ROOT = path.resolve(__dirname, '../..');
const WRITER = 'lib/db/audit-writer.ts';

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

const lookup = (messages: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);

describe('the audit contract', () => {
  it('only the writer inserts into audit_log (app, components, lib, scripts)', () => {
    const offenders = ['app', 'components', 'lib', 'scripts']
      .flatMap(sources)
      .filter((file) => file !== WRITER)
      .filter((file) => /INSERT\s+INTO\s+audit_log|auditLog\s*\.\s*(create|createMany|update|updateMany|upsert|delete|deleteMany)\b/i.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every event and entity reads in Vietnamese and in English', () => {
    const missing: string[] = [];
    for (const [language, messages] of [['vi', vi], ['en', en]] as const) {
      for (const name of AUDIT_EVENT_NAMES) if (typeof lookup(messages, `audit.actions.${name}`) !== 'string') missing.push(`${language}: audit.actions.${name}`);
      for (const entity of AUDIT_ENTITIES) if (typeof lookup(messages, `audit.entities.${entity}`) !== 'string') missing.push(`${language}: audit.entities.${entity}`);
    }
    expect(missing).toEqual([]);
  });

  it('refuses an undeclared event, a wrong entity and a payload off its schema', () => {
    expect(() => checkAuditEvent('cadre.teleport', undefined, null, {})).toThrow(AuditContractError);
    expect(() => checkAuditEvent('import.create', 'vacancy', null, {})).toThrow(/not one of/);
    expect(() => checkAuditEvent('vacancy.close', undefined, { status: 'open', version: 1 }, { status: 'closed', closedOn: '07/12/2026', closeNote: null, version: 2 })).toThrow(/closedOn/);
    expect(() => checkAuditEvent('secondment.candidate.forward', undefined, null, { from: 'meets', to: 'forwarded', extra: 1 })).toThrow(/extra|Unrecognized/);
    expect(() => checkAuditEvent('auth.signIn', undefined, null, { anything: true })).toThrow(/no after payload/);
  });

  it('stores text as NFC, drops undefined fields and defaults the entity', () => {
    const decomposed = 'Hoa Qua\u0302n';
    const checked = checkAuditEvent('transfer.decline', undefined, undefined, { from: 'proposed', to: 'declined', comment: decomposed, cadre: 'CB1' });
    expect(checked.entityType).toBe('transfer');
    expect(checked.before).toBeNull();
    expect((checked.after as { comment: string }).comment).toBe('Hoa Quân');
  });

  it('reads stored rows against the contract, and gives null for rows that predate it', () => {
    expect(readAuditPayloads('transfer.execute', null, { from: 'approved', to: 'executed', executedOn: '2025-10-01' })).toEqual({
      before: null, after: { from: 'approved', to: 'executed', executedOn: '2025-10-01' },
    });
    expect(readAuditPayloads('secondment.list.submit', null, { from: 'draft', to: 'submitted', round: 1, listed: 3 })).toBeNull();
    expect(readAuditPayloads('no.such.event', null, {})).toBeNull();
  });
});
