import { fail, type ActionResult } from '../result';

/**
 * Thrown inside a roster transaction when a row it must change was changed meanwhile (after the version
 * bump): throwing rolls the bump back too, where returning a result would commit it.
 */
export class StaleWrite extends Error {
  constructor() {
    super('roster row changed meanwhile');
  }
}

export async function withStaleGuard<T>(write: () => Promise<T>): Promise<T | ActionResult<never>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StaleWrite) return fail('roster.errors.stale');
    throw error;
  }
}
