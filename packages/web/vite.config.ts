import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The ExoAtlas web app. `vite build` writes dist/, which the Fastify server serves at `/`.
 * In development (`npx vite` here) /api is proxied to a running `exoatlas serve` (EXOATLAS_API, default :3000).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': process.env.EXOATLAS_API ?? 'http://127.0.0.1:3000' },
  },
});
