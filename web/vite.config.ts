import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web application is built into web/dist and served by the API server (src/http/routes/web.routes.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The manifest names each page's hashed script, so index.html can ask for it early (src/http/web-page-hints.ts).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400, manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
