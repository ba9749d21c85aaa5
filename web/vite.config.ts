import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

/**
 * The Utrecht component library ships as one module in which every component is followed by `X.displayName = 'X'`.
 * Those writes count as side effects, so the bundler keeps all ~100 components although the app uses about 30; the
 * names only serve React's developer tools. Dropping them from that one module lets tree-shaking remove the rest.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'adempauze:utrecht-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/ },
      handler: (code) => ({ code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^'\n]*';$/gm, ''), map: null }),
    },
  };
}

// The web application is built into web/dist and served by the API server (src/http/routes/web.routes.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), utrechtTreeShaking()],
  // The manifest names each page's hashed script, so index.html can ask for it early (src/http/web-page-hints.ts).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400, manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
