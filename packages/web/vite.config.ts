import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the app and forwards the API to a running `tessera serve`.
const server = process.env.TESSERA_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The schema's TypeScript sources, so `npm run dev` works without building the schema first.
    alias: { '@tessera/schema': fileURLToPath(new URL('../schema/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: { '/app/api': server, '/v1': server, '/files': server },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
