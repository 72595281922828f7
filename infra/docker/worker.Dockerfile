# The background worker (apps/worker): webhook delivery and inbound processing.
FROM node:20-bookworm-slim
ENV NODE_ENV=production CI=true
RUN npm i -g pnpm@10.34.9
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile \
 && useradd --system --uid 10001 --home /app sumeru \
 && chown -R sumeru /app
USER sumeru
CMD ["pnpm", "--filter", "@sumeru/worker", "start"]
