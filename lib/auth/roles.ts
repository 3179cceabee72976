// The user groups of docs/domain.md (Organisation), each bound to a province; two are also bound to a unit.
export const ROLES = ['admin', 'standing_committee', 'organizing_committee', 'home_affairs', 'department_officer', 'commune_chairman'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as every page, route handler and action sees it (from the session row, per request). */
export type SessionUser = {
  id: number;
  sessionId: string;
  username: string;
  displayName: string;
  role: Role;
  provinceId: number;
  /** Set for a commune chairman only. */
  communeId: number | null;
  /** Set for a department officer only. */
  departmentId: number | null;
  mustChangePassword: boolean;
};
