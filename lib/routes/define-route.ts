import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { requireUser } from '@/lib/auth/current-user';
import { can, isAllowed, type Action, type Resource } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';
import type { MessageKey, MessageParams } from '@/lib/actions/result';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { defaultMessage } from '@/lib/i18n/translator';
import { unavailableResponse } from './unavailable';

// The one way to build a route handler (docs/decisions/026-environment-and-routes.md), the twin of
// lib/actions/define-action.ts for downloads and uploads: session, policy on the resource the route names, typed
// params, then the handler; refusals are plain-text responses rendered from the message catalogues.

/** A route open to everyone (the health check): no session is read. */
export const PUBLIC = 'public';
type Permission = Action | typeof PUBLIC;

type RawParams = Record<string, string | string[] | undefined>;

/** What Next passes as the second argument of a route handler (dynamic segments; none for a static path). */
export type NextRouteContext = { params: Promise<RawParams> };

export type RouteContext<P, A extends Permission> = {
  /** The signed-in user; null only for a public route. */
  user: A extends typeof PUBLIC ? null : SessionUser;
  /** The dynamic segments, parsed by the route's `params` schema. */
  params: P;
  searchParams: URLSearchParams;
};

export type RouteOptions<P> = {
  /** Schema of the dynamic segments; a request whose segments do not parse is answered 404. */
  params?: z.ZodType<P>;
  /**
   * The resource the route acts on, for the policy's scope check (rows of a commune, of a department). Null when
   * it does not exist: 404. Default: the user's province (a province-wide download).
   */
  resource?: (input: { user: SessionUser; params: P; searchParams: URLSearchParams }) => Promise<Resource | null> | Resource | null;
  /** The message of the 403 answer; default `routes.forbidden`. */
  forbidden?: MessageKey;
};

/**
 * An expected refusal thrown by a handler or a helper it calls (a bad format, an unknown old district): the
 * route answers `status` with the message, in plain text. Anything else thrown is a bug (500, logged).
 */
export class RouteRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422,
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(key);
    this.name = 'RouteRefusal';
  }
}

/** Refuses the request: `return refuse(400, 'routes.badFormat')` or a bare call from a helper. */
export function refuse(status: RouteRefusal['status'], key: MessageKey, params?: MessageParams): never {
  throw new RouteRefusal(status, key, params);
}

/** A plain-text answer (refusals and short messages), never cached. */
export function textResponse(message: string, status: number): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

// The refusals are in Vietnamese whatever the reader's language, as every download's refusal has been: a
// route answers before (or without) reading the locale cookie.
const message = (key: MessageKey, params?: MessageParams) => defaultMessage(key, params);

/** Every route built by defineRoute, for tests that walk them. */
export const ROUTE_REGISTRY: { permission: Permission }[] = [];

/**
 * Builds a route handler: the session (no user: a redirect to sign-in and back, as for pages; the proxy has
 * already answered 401 to requests without a session cookie), the role (403), the params (404), the resource (404
 * when unknown, 403 when outside the user's scope), then `handler`. A `RouteRefusal` becomes its status and
 * message; a database out of reach, 503 (lib/routes/unavailable.ts); any other error is logged and answered 500
 * with a generic message (never the error's own text).
 */
export function defineRoute<A extends Permission, P = Record<string, never>>(
  permission: A,
  handler: (request: Request, ctx: RouteContext<P, A>) => Promise<Response>,
  options: RouteOptions<P> = {},
): (request: Request, context?: NextRouteContext) => Promise<Response> {
  ROUTE_REGISTRY.push({ permission });
  return async (request, context) => {
    try {
      // Inside the try: with the database gone, reading the session fails too, and is answered 503.
      const user = permission === PUBLIC ? null : await requireUser();
      const forbidden = () => refuse(403, options.forbidden ?? 'routes.forbidden');
      if (user && !isAllowed(user.role, permission)) forbidden();
      const raw: RawParams = context ? await context.params : {};
      const parsed = options.params ? options.params.safeParse(raw) : { success: true as const, data: raw as P };
      if (!parsed.success) refuse(404, 'routes.notFound');
      const params = parsed.data as P;
      const searchParams = new URL(request.url).searchParams;
      if (user) {
        const resource = options.resource ? await options.resource({ user, params, searchParams }) : { provinceId: user.provinceId };
        if (!resource) refuse(404, 'routes.notFound');
        if (!can(user, permission, resource)) forbidden();
      }
      return await handler(request, { user, params, searchParams } as RouteContext<P, A>);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof RouteRefusal) return textResponse(message(error.key, error.params), error.status);
      if (isDatabaseUnavailable(error)) return unavailableResponse(new URL(request.url).pathname);
      console.error(`${request.method} ${new URL(request.url).pathname}:`, error);
      return textResponse(message('routes.error'), 500);
    }
  };
}
