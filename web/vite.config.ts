/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies to a Notify started with `dotnet run --project Notify.Api` (override with NOTIFY_URL).
const notify = process.env.NOTIFY_URL ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../Notify.Api/wwwroot',
    emptyOutDir: true,
    rollupOptions: {
      // @microsoft/signalr ships /*#__PURE__*/ comments Rollup cannot place; they are harmless.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('@microsoft/signalr')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: notify, changeOrigin: true },
      '/hubs': { target: notify, changeOrigin: true, ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
