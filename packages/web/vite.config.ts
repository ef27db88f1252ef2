import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the built dashboard from its own port; in development
// Vite serves it with hot reload and forwards the API to a locally running gateway.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
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
    // No source maps in the build the gateway serves (the gateway would 404
    // them anyway); WEB_SOURCEMAP=true makes them for local debugging.
    sourcemap: process.env.WEB_SOURCEMAP === 'true',
    // Vite prints each chunk's size; warn when one grows past this. The largest
    // is recharts (~440 kB minified, ~125 kB gzip), loaded only when a chart shows.
    chunkSizeWarningLimit: 480,
    rolldownOptions: {
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
});
