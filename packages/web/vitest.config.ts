import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Component tests: jsdom, beside the code in src/.
export default defineConfig({
  plugins: [react()],
  test: {
    name: 'components',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
