import 'reflect-metadata';
import { loadConfig, watchParent } from '@app/common';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  watchParent(() => void app.close());
}

main().catch((error: unknown) => {
  console.error('Không khởi động được api:', error);
  process.exit(1);
});
