import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, AccessRule, ForbiddenException, Principal, ROLES, Role } from '@app/common';
import { AuthException } from './auth.exception';
import { AuthService } from './auth.service';

/**
 * The global guard: deny by default. A route without an @Access rule is refused (and the api refuses to
 * start with one, see RouteAccessCheck); `public` routes need no token; the others need a valid one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rules || rules.length === 0) {
      throw new ForbiddenException();
    }
    if (rules.includes('public')) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw AuthException.unauthenticated();
    }
    const principal = await this.auth.authenticate(match[1]);
    request.principal = principal;
    if (rules.includes('authenticated') || principal.isSystemAdmin) {
      return true;
    }
    const roles = rules.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    if (principal.memberships.some((m) => roles.includes(m.role))) {
      return true;
    }
    throw new ForbiddenException();
  }
}
