import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { APP_CONFIG, AppConfig } from '@app/common';
import { AuthException } from './auth.exception';

interface TokenPayload {
  sub: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sign(userId: string): Promise<{ accessToken: string; expiresAt: string }> {
    const accessToken = await this.jwt.signAsync({ sub: userId } satisfies TokenPayload, {
      expiresIn: this.config.jwtExpiresInSeconds,
    });
    return {
      accessToken,
      expiresAt: new Date(Date.now() + this.config.jwtExpiresInSeconds * 1000).toISOString(),
    };
  }

  /** The user id of a valid token; 401 TOKEN_EXPIRED or UNAUTHENTICATED otherwise. */
  async verify(token: string): Promise<string> {
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
      // A well-signed token naming no user id (a forged key, another system's token) must not reach
      // PostgreSQL's uuid parser, which would answer a 500.
      if (typeof payload.sub !== 'string' || !isUUID(payload.sub)) {
        throw AuthException.unauthenticated();
      }
      return payload.sub;
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw AuthException.tokenExpired();
      }
      throw AuthException.unauthenticated();
    }
  }
}
