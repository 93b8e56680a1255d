import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { dataSourceOptions } from './data-source';
import { runMigrationsLocked } from './migrate';

/**
 * The DataSource every provider is given is already migrated: providers that read the database while
 * they are built (the shared JWT key, say) find their tables on a fresh database too.
 */
async function migratedDataSource(options?: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options!).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    if (applied.length > 0) {
      new Logger('Migrations').log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
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
      dataSourceFactory: migratedDataSource,
    }),
  ],
})
export class DbModule {}
