import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDashboardConfig } from './dashboard.config.js';
import { createDashboardServer } from './dashboard.server.js';

// dist/apps/dashboard/src/main.js serves dist/apps/dashboard/web, where the build puts the web app.
const config = readDashboardConfig(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web'));
const server = createDashboardServer(config);
server.listen(config.port, config.host, () => {
  console.log(
    JSON.stringify({ level: 'info', service: 'dashboard', msg: `listening on ${config.host}:${config.port}` }),
  );
});

const stop = () => {
  // Live streams never end by themselves: close them with the listener.
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
