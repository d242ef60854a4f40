// Shared by every e2e test: the SDK client pointed at a running Palimpsest, and small fixtures.
// Lives outside test/ because node's test runner executes every module under test/ as a test file.
import { randomUUID } from 'node:crypto';
import ImageKit, { toFile } from '@imagekit/nodejs';

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Start the standalone jar and run, for example: ` +
        'PALIMPSEST_BASE_URL=http://127.0.0.1:8080 PALIMPSEST_PRIVATE_KEY=private_... npm test',
    );
  }
  return value;
}

export const baseURL = requiredEnv('PALIMPSEST_BASE_URL');
export const privateKey = requiredEnv('PALIMPSEST_PRIVATE_KEY');

/**
 * The official SDK, changed only in its base URL. Retries are off: an upload is not idempotent, and
 * a retried one would add a version the test did not ask for and hide the failure that caused it.
 */
export function palimpsest({ key = privateKey } = {}) {
  return new ImageKit({ privateKey: key, baseURL, maxRetries: 0 });
}

/** A folder no other test or earlier run has used, so tests never see each other's files. */
export function uniqueFolder(prefix = 'e2e') {
  return `/${prefix}-${Date.now()}-${randomUUID().slice(0, 8)}`;
}

/** Distinct bytes for each call: every upload stores new content, as a real new version would. */
export async function textFile(name, text = `content ${randomUUID()}\n`) {
  return toFile(Buffer.from(text, 'utf8'), name, { type: 'text/plain' });
}
