import { Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { dataSourceOptions } from './data-source';
import { runMigrationsLocked } from './migrate';

@Injectable()
class MigrateOnBoot implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const applied = await runMigrationsLocked(this.dataSource);
    if (applied.length > 0) {
      this.logger.log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
    }
  }
}

/** TypeORM on DATABASE_URL; migrations are applied at boot under an advisory lock. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl) {
          throw new Error('Chưa đặt DATABASE_URL (dùng `npm start` để chạy cùng PostgreSQL nhúng)');
        }
        return { ...dataSourceOptions(config.databaseUrl, { applicationName: process.env.APP_NAME }) };
      },
    }),
  ],
  providers: [MigrateOnBoot],
})
export class DbModule {}
