import type { AuditChange, AuditPresentation, AuditText } from '@/lib/audit/present';
import { ROLES } from '@/lib/auth/roles';

// The edge of lib/audit/present.ts: its message keys and params become sentences of the reader's catalogue.

/** next-intl's translator read with keys built from stored rows, so every key is checked with `has` first. */
export type AuditTranslator = { (key: string, params?: Record<string, string>): string; has: (key: string) => boolean };

/** The root translator of getTranslations(), typed for keys that are only known at run time. */
export function auditTranslator(t: unknown): AuditTranslator {
  return t as AuditTranslator;
}

export function renderAuditText(t: AuditTranslator, text: AuditText | null, empty = '—'): string {
  if (text === null) return empty;
  if ('text' in text) return text.text;
  if ('list' in text) return text.list.map((item) => renderAuditText(t, item)).join(text.lines ? ' ' : ', ');
  const params = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, typeof value === 'string' ? value : renderAuditText(t, value)]));
  return t.has(text.key) ? t(text.key, params) : (text.fallback ?? text.key);
}

/** Whether a change reads "before → after", or only its value (an event that records what it did; a context field). */
export function showsBefore(change: AuditChange, presentation: Pick<AuditPresentation, 'compared'>): boolean {
  return !change.unchanged && (presentation.compared || change.before !== null);
}

/** "Trường: trước → sau", or "Trường: giá trị". */
export function renderAuditChange(t: AuditTranslator, change: AuditChange, presentation: Pick<AuditPresentation, 'compared'>): string {
  const label = renderAuditText(t, change.label);
  if (!showsBefore(change, presentation)) return `${label}: ${renderAuditText(t, change.after ?? change.before)}`;
  return `${label}: ${renderAuditText(t, change.before)} → ${renderAuditText(t, change.after)}`;
}

/** A row's changes in one line, for the CSV export: "Trường: trước → sau; …". */
export function renderAuditChanges(t: AuditTranslator, presentation: AuditPresentation): string {
  return presentation.changes.map((change) => renderAuditChange(t, change, presentation)).join('; ');
}

/** An event's label (`audit.actions.<name>`), or its name for one no catalogue knows. */
export function auditActionLabel(t: AuditTranslator, action: string): string {
  return renderAuditText(t, { key: `audit.actions.${action}`, fallback: action });
}

export function auditEntityLabel(t: AuditTranslator, entityType: string): string {
  return renderAuditText(t, { key: `audit.entities.${entityType}`, fallback: entityType });
}

/** The roles of accounts, plus the command line's and the sign-in form's (`system`, `anonymous`). */
export function auditRoleLabel(t: AuditTranslator, role: string): string {
  const key = (ROLES as readonly string[]).includes(role) ? `roles.${role}` : `audit.roles.${role}`;
  return renderAuditText(t, { key, fallback: role });
}

/** Who acted: the account's display name, else the name recorded (the system's is translated). */
export function auditActorLabel(t: AuditTranslator, row: { actorDisplayName?: string | null; actorName: string; actorRole: string }): string {
  if (row.actorDisplayName) return row.actorDisplayName;
  return row.actorRole === 'system' ? auditRoleLabel(t, 'system') : row.actorName;
}
