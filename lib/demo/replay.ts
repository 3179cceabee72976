import type { AuditEvent } from '@/lib/audit/events';
import { isAllowed, type Action } from '@/lib/auth/policy';
import type { Role } from '@/lib/auth/roles';
import type { FixedClock } from '@/lib/clock';
import { recordAudit, type AuditActor } from '@/lib/db/audit-writer';
import type { Db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/generated/prisma/client';

// The demo's stories are replayed through the application's writes (lib/db/<entity>-mutations.ts), so the demo's
// timeline is what the application would have written (docs/decisions/020-typed-audit-events.md): each step is one
// transaction that calls the mutations and records its audit event(s) through the one writer, as defineAction's
// ctx.write does (lib/actions/define-action.ts), but on the story's clock: the step's business day (the mutations'
// `today`, the audit row's recorded_on) and its instant (created_at, updated_at, the audit row's `at`). Each step
// commits before the next, as the actions do: what a step reads outside its transaction (the quota guard's figures,
// a list's 5% count) is what the earlier steps wrote.

/** Who takes a step: a demo account, or a label for the officers and chairmen the demo gives no account. */
export type StoryActor = Omit<AuditActor, 'provinceId'> & { role: Role };

type Tx = Prisma.TransactionClient;
type Written<T> = { audit: AuditEvent | readonly AuditEvent[]; value: T };

const NO_REQUEST = { ipAddress: null, userAgent: null };

export class StoryReplay {
  constructor(readonly db: Db, readonly provinceId: number) {}

  /** The policy as the state machines ask it (lib/auth/policy.ts), for the actor's role. */
  allows(actor: StoryActor, permission: Action): boolean {
    return isAllowed(actor.role, permission);
  }

  /** The role may take the step: a step the application would refuse is a bug in the story. */
  allow(actor: StoryActor, permission: Action, what: string): void {
    if (!this.allows(actor, permission)) throw new Error(`demo story: ${actor.role} may not ${permission} (${what})`);
  }

  /** One step: `work` writes through the mutations and returns its audit event(s), recorded in the same transaction. */
  write<T>(actor: StoryActor, clock: FixedClock, what: string, work: (tx: Tx) => Promise<Written<T>>): Promise<T> {
    return this.transaction(what, clock.today, async (tx) => {
      const written = await work(tx);
      const events: readonly AuditEvent[] = Array.isArray(written.audit) ? written.audit : [written.audit as AuditEvent];
      if (events.length === 0) throw new Error('a step records at least one audit event');
      for (const event of events) await this.audit(tx, actor, event, clock);
      return written.value;
    });
  }

  /**
   * One transaction for a sitting of the same form (an officer adding candidates one after the other): `work` writes
   * each through the mutations and records its event with `audit`, on its own clock.
   */
  async transaction<T>(what: string, day: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.$transaction(work, { timeout: 60_000 });
    } catch (error) {
      throw new Error(`demo story: ${what} on ${day} refused: ${describe(error)}`, { cause: error });
    }
  }

  audit(tx: Tx, actor: StoryActor, event: AuditEvent, clock: FixedClock): Promise<void> {
    return recordAudit(tx, { ...actor, provinceId: this.provinceId }, NO_REQUEST, event, clock);
  }
}

/** A refusal's message key and fields (Refusal, StaleWrite), or the error's message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { key, fieldErrors } = error as Error & { key?: string; fieldErrors?: Record<string, string> };
  return [error.name, key ?? error.message, fieldErrors ? JSON.stringify(fieldErrors) : ''].filter(Boolean).join(' ');
}
