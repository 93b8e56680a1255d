# One image for the cluster shape (docker-compose.yml): the api by default, the worker with
#   node dist/apps/worker/src/main.js
# embedded-postgres stays installed (it is a dependency) but is not used: DATABASE_URL is always set here.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# No install-time telemetry from dependencies.
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data \
    MEDIA_DIR=/media
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The non-root user owns only what it writes: generated secrets (when JWT_SECRET is unset) and audio files.
RUN mkdir -p /app/data /media && chown node:node /app/data /media
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
