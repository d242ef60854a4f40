// Copy and move carry versions by reference, onto new files or onto the history of same-name files (spec §3.6, §3.7).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BadRequestError, NotFoundError } from '@imagekit/nodejs';
import { palimpsest, textFile, uniqueFolder } from '../support/palimpsest.mjs';

const client = palimpsest();

async function upload(folder, fileName, options = {}) {
  return client.files.upload({ file: await textFile(fileName), fileName, folder, useUniqueFileName: false, ...options });
}

async function uploadVersions(folder, fileName, count) {
  const uploads = [];
  for (let i = 0; i < count; i += 1) uploads.push(await upload(folder, fileName, { tags: [`v${i + 1}`] }));
  return uploads;
}

/** The file now at a path, found through search (list trails writes a little: ask until it answers). */
async function fileAt(folder, name) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = await client.assets.list({ path: folder, searchQuery: `name = "${name}"` });
    if (found.length === 1) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no file ${name} in ${folder}`);
}

const names = (versions) => versions.map((v) => `${v.versionInfo.name}:${v.type}:${(v.tags ?? []).join('+')}`);

describe('copying a file', () => {
  it('creates a new file with the current version only by default', async () => {
    const [from, to] = [uniqueFolder('copy-src'), uniqueFolder('copy-dst')];
    const source = await uploadVersions(from, 'a.txt', 2);

    await client.files.copy({ sourceFilePath: `${from}/a.txt`, destinationPath: to });

    const copy = await fileAt(to, 'a.txt');
    assert.notEqual(copy.fileId, source[0].fileId);
    assert.deepEqual(names(await client.files.versions.list(copy.fileId)), ['Version 1:file:v2']);
    assert.equal((await client.files.versions.list(source[0].fileId)).length, 2);
  });

  it('copies every version with includeFileVersions, keeping the current one current', async () => {
    const [from, to] = [uniqueFolder('copy-src'), uniqueFolder('copy-dst')];
    const source = await uploadVersions(from, 'a.txt', 3);
    await client.files.versions.restore(source[0].versionInfo.id, { fileId: source[0].fileId });

    await client.files.copy({ sourceFilePath: `${from}/a.txt`, destinationPath: to, includeFileVersions: true });

    const copy = await fileAt(to, 'a.txt');
    assert.deepEqual(names(await client.files.versions.list(copy.fileId)),
      ['Version 1:file-version:v2', 'Version 2:file-version:v3', 'Version 3:file:v1']);
  });

  it('appends to the history of a same-name file at the destination', async () => {
    const [from, to] = [uniqueFolder('copy-src'), uniqueFolder('copy-dst')];
    await uploadVersions(from, 'a.txt', 1);
    const target = await uploadVersions(to, 'a.txt', 2);

    await client.files.copy({ sourceFilePath: `${from}/a.txt`, destinationPath: to });

    assert.deepEqual(names(await client.files.versions.list(target[0].fileId)),
      ['Version 1:file-version:v1', 'Version 2:file-version:v2', 'Version 3:file:v1']);
  });

  it('answers 404 SOURCE_FILE_MISSING for a path with no file', async () => {
    await assert.rejects(client.files.copy({ sourceFilePath: `${uniqueFolder()}/none.txt`, destinationPath: '/x' }),
      (error) => error instanceof NotFoundError && error.error.reason === 'SOURCE_FILE_MISSING');
  });

  it('answers 400 SAME_SOURCE_AND_DESTINATION when copying into its own folder', async () => {
    const folder = uniqueFolder();
    await upload(folder, 'a.txt');
    await assert.rejects(client.files.copy({ sourceFilePath: `${folder}/a.txt`, destinationPath: folder }),
      (error) => error instanceof BadRequestError && error.error.reason === 'SAME_SOURCE_AND_DESTINATION');
  });

  it('answers 400 VERSION_LIMIT_EXCEEDED when the destination already has 100 versions', async () => {
    const [from, to] = [uniqueFolder('copy-src'), uniqueFolder('copy-full')];
    await upload(from, 'full.txt');
    await uploadVersions(to, 'full.txt', 100);

    await assert.rejects(client.files.copy({ sourceFilePath: `${from}/full.txt`, destinationPath: to }),
      (error) => error instanceof BadRequestError && error.error.reason === 'VERSION_LIMIT_EXCEEDED');
  });
});

describe('moving a file', () => {
  it('keeps its fileId and every version in the new folder', async () => {
    const [from, to] = [uniqueFolder('move-src'), uniqueFolder('move-dst')];
    const source = await uploadVersions(from, 'm.txt', 2);

    await client.files.move({ sourceFilePath: `${from}/m.txt`, destinationPath: to });

    const file = await client.files.get(source[0].fileId);
    assert.equal(file.filePath, `${to}/m.txt`);
    assert.deepEqual(names(await client.files.versions.list(source[0].fileId)),
      ['Version 1:file-version:v1', 'Version 2:file:v2']);
  });

  it('appends all versions onto a same-name file and ends the moved one', async () => {
    const [from, to] = [uniqueFolder('move-src'), uniqueFolder('move-dst')];
    const source = await uploadVersions(from, 'm.txt', 2);
    const target = await uploadVersions(to, 'm.txt', 1);

    await client.files.move({ sourceFilePath: `${from}/m.txt`, destinationPath: to });

    assert.deepEqual(names(await client.files.versions.list(target[0].fileId)),
      ['Version 1:file-version:v1', 'Version 2:file-version:v1', 'Version 3:file:v2']);
    await assert.rejects(client.files.get(source[0].fileId), (error) => error instanceof NotFoundError);
  });

  it('answers 400 MISSING_PARAMETER without a destination', async () => {
    await assert.rejects(client.files.move({ sourceFilePath: '/a.txt' }),
      (error) => error instanceof BadRequestError && error.error.reason === 'MISSING_PARAMETER');
  });
});
