import 'reflect-metadata';
import { watchParent } from '@app/common';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  const worker = await createWorker();
  watchParent(() => void worker.close());
}

main().catch((error: unknown) => {
  console.error('Không khởi động được worker:', error);
  process.exit(1);
});
