import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the built dashboard from its own port; in development
// Vite serves it with hot reload and forwards the API to a locally running gateway.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: gateway, changeOrigin: true },
      '/export': { target: gateway, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: gateway, changeOrigin: true },
      '/export': { target: gateway, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    // The gateway serves dist/ as it is and answers 404 for *.map: no source
    // maps in a production build. `vite` (dev) maps the sources as always;
    // `vite build --mode development` or WEB_SOURCEMAP=true writes them.
    sourcemap: mode !== 'production' || process.env.WEB_SOURCEMAP === 'true',
    // Vite prints each chunk's size; warn when one grows past this. The largest
    // is the explorer's Monaco editor (~2.8 MB minified, ~690 kB gzip), then
    // GraphiQL (~680 kB), both loaded only on /explorer; the dashboard's own
    // largest is recharts (~440 kB), loaded only when a chart shows.
    chunkSizeWarningLimit: 2900,
    rolldownOptions: {
      // GraphiQL and the React compiler's runtime start some modules with a
      // "use no memo" directive, which a bundle cannot keep and React does not
      // need: a warning per module on every `npm start`, about nothing we can
      // change. Directives in our own sources still warn.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.id?.includes('node_modules')) return;
        handler(level, log);
      },
      output: {
        // Long-lived vendor chunks cache across releases; recharts stays in the
        // lazily loaded charges page chunk.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 20,
            },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|optimism|@wry|tslib|@graphql-typed-document-node)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
}));
