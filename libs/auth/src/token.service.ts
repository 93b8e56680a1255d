import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { APP_CONFIG, AppConfig } from '@app/common';
import { AuthException } from './auth.exception';

interface TokenPayload {
  sub: string;
  /** The user's tokenVersion when the token was issued; absent in tokens older than the field (= 0). */
  ver?: number;
}

export interface VerifiedToken {
  userId: string;
  version: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sign(user: {
    id: string;
    tokenVersion: number;
  }): Promise<{ accessToken: string; expiresAt: string }> {
    const payload: TokenPayload = { sub: user.id, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.jwtExpiresInSeconds });
    return {
      accessToken,
      expiresAt: new Date(Date.now() + this.config.jwtExpiresInSeconds * 1000).toISOString(),
    };
  }

  /** The user id and token version of a valid token; 401 TOKEN_EXPIRED or UNAUTHENTICATED otherwise. */
  async verify(token: string): Promise<VerifiedToken> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw AuthException.tokenExpired();
      }
      throw AuthException.unauthenticated();
    }
    // A well-signed token naming no user id (a forged key, another system's token) must not reach
    // PostgreSQL's uuid parser, which would answer a 500.
    if (typeof payload.sub !== 'string' || !isUUID(payload.sub)) {
      throw AuthException.unauthenticated();
    }
    const version = payload.ver ?? 0;
    if (!Number.isInteger(version)) {
      throw AuthException.unauthenticated();
    }
    return { userId: payload.sub, version };
  }
}
