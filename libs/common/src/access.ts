import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'editor', 'approver', 'operator', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: loaded from the database on every request, so a disabled user stops at once. */
export interface Principal {
  id: string;
  username: string;
  fullName: string;
  isSystemAdmin: boolean;
  memberships: { unitId: string; role: Role }[];
}

export const ACCESS_KEY = 'access';

/**
 * Who may call an endpoint. The global guard denies any route that says nothing (deny by default).
 * - `public`: anyone, no token;
 * - `authenticated`: any signed-in user (the service checks the unit);
 * - `systemAdmin`: the system administrator only;
 * - roles: a signed-in user holding one of them in some unit (the service checks which unit).
 */
export type AccessRule = 'public' | 'authenticated' | 'systemAdmin' | Role;

export const Access = (...rules: [AccessRule, ...AccessRule[]]) => SetMetadata(ACCESS_KEY, rules);
export const Public = () => Access('public');

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) {
    throw new Error('CurrentUser used on a route without authentication');
  }
  return request.principal;
});
