# The API (and the `sumeru` CLI, used by the migrate service). It runs the TypeScript sources
# through tsx, as `pnpm start` does; a bundled build replaces this when apps/api gets one.
FROM node:20-bookworm-slim
ENV NODE_ENV=production CI=true
RUN npm i -g pnpm@10.34.9
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile \
 && useradd --system --uid 10001 --home /app sumeru \
 && chown -R sumeru /app
USER sumeru
EXPOSE 3000
CMD ["pnpm", "--filter", "@sumeru/api", "start"]
