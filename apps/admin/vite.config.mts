import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The admin app: built into dist/admin and served by the api under /admin/ (apps/api/src/admin-app.ts).
// `npm run dev:admin` serves it with hot reload and forwards /api to the api on PORT (default 3000).
export default defineConfig({
  root: here,
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // antd's icons are named in English for screen readers: every one is made decorative (see the file).
    alias: [
      {
        find: /^\.\.\/components\/AntdIconLight$/,
        replacement: fileURLToPath(new URL('./src/lib/decorative-icon.tsx', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/admin', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
});
