import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { UnitsModule } from '@app/units';
import { AccountBackoff } from './account-backoff';
import { AuthBackoff } from './auth-backoff.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { jwtSigningKey } from './jwt-secret';
import { Membership } from './membership.entity';
import { PasswordService } from './password.service';
import { PermissionsService } from './permissions.service';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { PurgeRateLimitsJob } from './purge-rate-limits.job';
import { RateLimit } from './rate-limit.entity';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** The storage needs only the DataSource; its own module so that ThrottlerModule can inject it. */
@Module({ providers: [PgThrottlerStorage], exports: [PgThrottlerStorage] })
class ThrottlerStorageModule {}

interface ThrottledRequest {
  ip?: string;
  body?: { username?: unknown };
}

const clientIp = (req: Record<string, unknown>): string => String((req as ThrottledRequest).ip);
const clientAndUser = (req: Record<string, unknown>): string => {
  const username = (req as ThrottledRequest).body?.username;
  return `${clientIp(req)}|${typeof username === 'string' ? username.trim().toLowerCase() : ''}`;
};

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Membership, RateLimit, AuthBackoff]),
    DiscoveryModule,
    UnitsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG, DataSource],
      useFactory: async (config: AppConfig, dataSource: DataSource) => ({
        secret: await jwtSigningKey(config, dataSource),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [APP_CONFIG, PgThrottlerStorage],
      useFactory: (config: AppConfig, storage: PgThrottlerStorage) => ({
        storage,
        throttlers: [
          // Guessing one person's password from one address…
          {
            name: 'login-user',
            ttl: config.loginRateLimit.windowSeconds * 1000,
            limit: config.loginRateLimit.limit,
            getTracker: clientAndUser,
          },
          // …and spraying many user names from one address.
          {
            name: 'login-client',
            ttl: config.loginRateLimit.windowSeconds * 1000,
            limit: config.loginRateLimit.limit * 5,
            getTracker: clientIp,
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AccountBackoff,
    PurgeRateLimitsJob,
    AuthService,
    AuthGuard,
    PasswordService,
    PermissionsService,
    TokenService,
    UsersRepository,
    UsersService,
    PgThrottlerStorage,
  ],
  exports: [AuthService, AuthGuard, UsersService, PasswordService, PgThrottlerStorage],
})
export class AuthModule {}
