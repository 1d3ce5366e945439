# Newsdesk API image. Build: docker build -t newsdesk .
# Node 24 is the active LTS (22 is maintenance LTS; 20 is end-of-life).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The Studio is an npm workspace: its package.json must be there for npm ci.
COPY studio/package.json ./studio/
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
# postinstall generates the Prisma client (WebAssembly; no engine download needed)
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY studio ./studio
RUN npm run build && npm run build:studio && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
# Writable state lives under /data (owned by the unprivileged `node` user), not in the read-only /app:
# uploaded media (a volume in docker-compose.yml) and, without DATABASE_URL, the embedded database.
ENV DATA_DIR=/data MEDIA_DIR=/data/media
# Bounds V8's heap so an instance stays near 300 MB under load (BENCHMARKS.md); raise for bigger caches.
ENV NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=8"
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/studio/dist ./studio/dist
COPY --from=build /app/prisma ./prisma
RUN mkdir -p /data/media && chown -R node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
