// Reading what was written: details, the version history, one version, list and search (spec §3.2, §3.9, §3.10).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { NotFoundError } from '@imagekit/nodejs';
import { palimpsest, textFile, uniqueFolder } from '../support/palimpsest.mjs';

const client = palimpsest();

async function upload(folder, fileName, options = {}) {
  return client.files.upload({ file: await textFile(fileName), fileName, folder, useUniqueFileName: false, ...options });
}

/** List and search trail writes by a little: ask again until the answer holds, for a bounded time. */
async function eventually(read, holds, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (holds(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`condition not met within ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`);
}

describe('a file with three versions', () => {
  let folder;
  let uploads;

  before(async () => {
    folder = uniqueFolder('read');
    uploads = [
      await upload(folder, 'poster.txt', { tags: ['draft'] }),
      await upload(folder, 'poster.txt', { tags: ['review'] }),
      await upload(folder, 'poster.txt', { tags: ['final', 'summer'] }),
    ];
  });

  it('shows the latest upload as the current file right after it was written', async () => {
    const file = await client.files.get(uploads[0].fileId);

    assert.equal(file.type, 'file');
    assert.equal(file.versionInfo.name, 'Version 3');
    assert.deepEqual(file.tags, ['final', 'summer']);
    assert.equal(file.filePath, `${folder}/poster.txt`);
    assert.match(file.url, /\?updatedAt=\d+$/);
  });

  it('lists every version oldest first, only the last one current', async () => {
    const versions = await client.files.versions.list(uploads[0].fileId);

    assert.deepEqual(versions.map((v) => v.versionInfo.name), ['Version 1', 'Version 2', 'Version 3']);
    assert.deepEqual(versions.map((v) => v.type), ['file-version', 'file-version', 'file']);
    assert.deepEqual(versions.map((v) => v.versionInfo.id), uploads.map((u) => u.versionInfo.id));
    assert.match(versions[0].url, /ik-obj-version=[A-Za-z0-9_-]{32}&updatedAt=\d+$/);
    assert.ok(!versions[0].url.includes(versions[0].versionInfo.id));
  });

  it('gets one non-current version with its own metadata snapshot', async () => {
    const version = await client.files.versions.get(uploads[1].versionInfo.id, { fileId: uploads[0].fileId });

    assert.equal(version.type, 'file-version');
    assert.equal(version.versionInfo.name, 'Version 2');
    assert.deepEqual(version.tags, ['review']);
  });

  it('answers 404 for a version the file does not have', async () => {
    await assert.rejects(client.files.versions.get('0123456789abcdef01234567', { fileId: uploads[0].fileId }),
      (error) => error instanceof NotFoundError && error.status === 404);
  });

  it('lists the non-current versions with type file-version', async () => {
    const versions = await eventually(
      () => client.assets.list({ type: 'file-version', path: folder }),
      (list) => list.length === 2,
    );

    assert.deepEqual(versions.map((v) => v.versionInfo.name).sort(), ['Version 1', 'Version 2']);
    assert.ok(versions.every((v) => v.type === 'file-version'));
  });

  it('finds versions by their own tags with a searchQuery', async () => {
    const found = await eventually(
      () => client.assets.list({ searchQuery: `type = "file-version" AND path : "${folder}" AND tags IN ["review"]` }),
      (list) => list.length === 1,
    );

    assert.equal(found[0].versionInfo.id, uploads[1].versionInfo.id);
  });

  it('finds the current file by a name prefix, best match first', async () => {
    const found = await eventually(
      () => client.assets.list({ searchQuery: `name HAS "post" AND path : "${folder}"`, sort: 'DESC_RELEVANCE' }),
      (list) => list.length === 1,
    );

    assert.equal(found[0].fileId, uploads[0].fileId);
    assert.equal(found[0].type, 'file');
  });
});
