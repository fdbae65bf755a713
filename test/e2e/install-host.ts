/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code runs in Node and Jest, not inside n8n */
/**
 * Installs the pinned n8n host into its cache (or finds a valid cached install) and prints the path of its n8n
 * bin. `.ci/run` calls it before `npm test` so the one-time install (3–4 minutes) is a separate, timed step;
 * the e2e tests call the same `ensureN8nHost()` and reuse the cache.
 *
 * Usage: node --require ts-node/register/transpile-only test/e2e/install-host.ts
 * Exit code 0 on success, 1 when the install fails (the error names the npm log file).
 */
import { ensureN8nHost, log } from './n8n';

const started = Date.now();
ensureN8nHost().then(
	(bin) => {
		log(`n8n host ready in ${Math.round((Date.now() - started) / 1000)} s: ${bin}`);
	},
	(error: Error) => {
		log(`n8n host install failed: ${error.message}`);
		process.exitCode = 1;
	},
);
