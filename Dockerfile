# Production image: builds once, then `npm start` migrates, seeds an empty database, and
# serves. DATABASE_URL is required here (docker-compose.yml passes it), so the embedded
# PostgreSQL is never started inside the container.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile was written against a registry mirror that lacks
# some other platforms' optional native binaries (swc, tailwind oxide), so `npm ci` rejects it
# as out of sync. `npm install` keeps every locked version and only adds those binaries.
RUN npm install --no-audit --no-fund
COPY . .
RUN npx prisma generate && npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app /app
RUN npm prune --omit=dev --ignore-scripts
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["npx", "tsx", "scripts/serve.ts"]
