# syntax=docker/dockerfile:1

# One image for all three services; docker-compose.yml chooses the entry point per service with `command`.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
RUN npx tsc -p tsconfig.build.json

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# package.json is needed at runtime: "type": "module" and the "#contracts"/"#platform"/"#messaging"/"#profiles"/"#engine" imports map into dist/.
# --omit=dev also drops the `node` devDependency, so the image's own Node 24 runs the services.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The services serve the AsyncAPI document and its page (/docs/asyncapi.yaml, /docs/events) from docs/.
COPY docs ./docs
USER node
EXPOSE 3001 3002 3003
CMD ["node", "dist/apps/companies/src/main.js"]
