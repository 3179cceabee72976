// The confirm checkbox's field name, shared by the form (a client component) and the schemas: a module of its own so
// the browser's bundle takes the name without zod.

/** The checkbox's field name, shared by the form and the schemas. */
export const CONFIRM_FIELD = 'confirm' as const;
