import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built Studio at /studio; in development Vite serves it with hot reload and
// passes the API's routes through to `npm run dev` on port 3000 (API_URL to change it).
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/studio/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/admin': api, '/media': api, '/graphql': api, '/feeds': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A build report per chunk: scripts/studio-size.mjs sums what the first screen loads.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
});
