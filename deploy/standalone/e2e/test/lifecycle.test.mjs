// One file's life through every write the SDK offers after upload: restore, delete a version,
// rename, details, publication, bulk tags, delete (spec §3.3–§3.5, §3.8, §3.10, §3.11, §10).
// After each step the version history must read as ImageKit would show it.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { BadRequestError, ConflictError, NotFoundError } from '@imagekit/nodejs';
import { palimpsest, textFile, uniqueFolder } from '../support/palimpsest.mjs';

const client = palimpsest();

async function upload(folder, fileName) {
  return client.files.upload({ file: await textFile(fileName), fileName, folder, useUniqueFileName: false });
}

/** The history as [name, type] pairs, oldest first: what a reader of the versions list sees. */
async function history(fileId) {
  const versions = await client.files.versions.list(fileId);
  return versions.map((v) => [v.versionInfo.name, v.type]);
}

async function rejectsWith(promise, ErrorType, status, message) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof ErrorType, `expected ${ErrorType.name}, got ${error}`);
    assert.equal(error.status, status);
    assert.equal(error.error.message, message);
    return true;
  });
}

describe('the life of one file, step by step', () => {
  const folder = uniqueFolder('life');
  let fileId;
  let v1;
  let v2;
  let v4;

  // the steps depend on each other, so they run in order (node:test runs `it`s of a describe serially)
  before(async () => {
    const uploads = [await upload(folder, 'leaflet.txt'), await upload(folder, 'leaflet.txt'), await upload(folder, 'leaflet.txt')];
    fileId = uploads[0].fileId;
    [v1, v2] = uploads.map((u) => u.versionInfo.id);
  });

  it('starts with three versions, the last one current', async () => {
    assert.deepEqual(await history(fileId), [
      ['Version 1', 'file-version'],
      ['Version 2', 'file-version'],
      ['Version 3', 'file'],
    ]);
  });

  it('restores Version 1 in place and answers with it as the current file', async () => {
    const restored = await client.files.versions.restore(v1, { fileId });

    assert.equal(restored.type, 'file');
    assert.equal(restored.fileId, fileId);
    assert.deepEqual(restored.versionInfo, { id: v1, name: 'Version 1' });
    assert.deepEqual(await client.files.get(fileId), restored);
    assert.deepEqual(await history(fileId), [
      ['Version 1', 'file'],
      ['Version 2', 'file-version'],
      ['Version 3', 'file-version'],
    ]);
  });

  it('answers a restore of the current version with the unchanged file', async () => {
    const again = await client.files.versions.restore(v1, { fileId });

    assert.deepEqual(again, await client.files.get(fileId));
    assert.equal(again.versionInfo.name, 'Version 1');
  });

  it('numbers the next upload after the highest number used: Version 4', async () => {
    const fourth = await upload(folder, 'leaflet.txt');
    v4 = fourth.versionInfo.id;

    assert.equal(fourth.fileId, fileId);
    assert.equal(fourth.versionInfo.name, 'Version 4');
    assert.deepEqual(await history(fileId), [
      ['Version 1', 'file-version'],
      ['Version 2', 'file-version'],
      ['Version 3', 'file-version'],
      ['Version 4', 'file'],
    ]);
  });

  it('deletes a non-current version for good', async () => {
    const answer = await client.files.versions.delete(v2, { fileId });

    assert.equal(answer, null);
    assert.deepEqual(await history(fileId), [
      ['Version 1', 'file-version'],
      ['Version 3', 'file-version'],
      ['Version 4', 'file'],
    ]);
    await rejectsWith(client.files.versions.get(v2, { fileId }), NotFoundError, 404,
      'The requested file version does not exist.');
  });

  it('refuses to delete the current version with 400', async () => {
    await rejectsWith(client.files.versions.delete(v4, { fileId }), BadRequestError, 400,
      'You cannot delete current version of a file.');
    assert.equal((await history(fileId)).length, 3);
  });

  it('answers 404 for a version that is not there any more', async () => {
    await rejectsWith(client.files.versions.delete(v2, { fileId }), NotFoundError, 404,
      'The requested asset does not exist.');
    await rejectsWith(client.files.versions.restore(v2, { fileId }), NotFoundError, 404,
      'The requested file version does not exist.');
  });

  it('renames the file with every version', async () => {
    const answer = await client.files.rename({ filePath: `${folder}/leaflet.txt`, newFileName: 'flyer.txt' });

    assert.deepEqual(answer, {});
    const versions = await client.files.versions.list(fileId);
    assert.deepEqual(versions.map((v) => v.filePath), Array(3).fill(`${folder}/flyer.txt`));
    assert.deepEqual(versions.map((v) => v.name), Array(3).fill('flyer.txt'));
    assert.deepEqual(versions.map((v) => v.versionInfo.name), ['Version 1', 'Version 3', 'Version 4']);
  });

  it('refuses a rename onto a taken name with 409 and tells the SDK not to retry', async () => {
    await upload(folder, 'taken.txt');

    await assert.rejects(client.files.rename({ filePath: `${folder}/flyer.txt`, newFileName: 'taken.txt' }), (error) => {
      assert.ok(error instanceof ConflictError, `expected ConflictError, got ${error}`);
      assert.equal(error.error.reason, 'FILE_ALREADY_EXISTS');
      assert.equal(error.headers.get('x-should-retry'), 'false');
      return true;
    });
  });

  it('refuses a rename of a path without a file with 404 FILE_MISSING', async () => {
    await assert.rejects(client.files.rename({ filePath: `${folder}/leaflet.txt`, newFileName: 'other.txt' }),
      (error) => error instanceof NotFoundError && error.error.reason === 'FILE_MISSING'
        && error.error.message === `No file found in media library at filePath ${folder}/leaflet.txt`);
  });

  it('updates the current version\'s details without adding a version', async () => {
    const updated = await client.files.update(fileId, {
      tags: ['print', 'a5'],
      description: 'The spring flyer',
      customCoordinates: '10,10,100,50',
    });

    assert.deepEqual(updated.tags, ['print', 'a5']);
    assert.equal(updated.description, 'The spring flyer');
    assert.equal(updated.customCoordinates, '10,10,100,50');
    assert.equal(updated.versionInfo.id, v4);
    assert.deepEqual(await client.files.get(fileId), updated);
    const versions = await client.files.versions.list(fileId);
    assert.deepEqual(versions.map((v) => v.tags), [null, null, ['print', 'a5']]);
  });

  it('unpublishes every version and publishes them again', async () => {
    const unpublished = await client.files.update(fileId, { publish: { isPublished: false, includeFileVersions: true } });

    assert.equal(unpublished.isPublished, false);
    assert.deepEqual((await client.files.versions.list(fileId)).map((v) => v.isPublished), [false, false, false]);

    const published = await client.files.update(fileId, { publish: { isPublished: true } });
    assert.equal(published.isPublished, true);
    assert.deepEqual((await client.files.versions.list(fileId)).map((v) => v.isPublished), [false, false, true]);
  });

  it('tags and untags files in bulk, on the current version only', async () => {
    const other = await upload(folder, 'other.txt');

    const added = await client.files.bulk.addTags({ fileIds: [fileId, other.fileId], tags: ['spring'] });
    assert.deepEqual(added, { successfullyUpdatedFileIds: [fileId, other.fileId] });
    assert.deepEqual((await client.files.get(fileId)).tags, ['print', 'a5', 'spring']);
    assert.deepEqual((await client.files.get(other.fileId)).tags, ['spring']);

    const removed = await client.files.bulk.removeTags({ fileIds: [fileId], tags: ['print'] });
    assert.deepEqual(removed, { successfullyUpdatedFileIds: [fileId] });
    assert.deepEqual((await client.files.versions.list(fileId)).map((v) => v.tags), [null, null, ['a5', 'spring']]);

    const aiRemoved = await client.files.bulk.removeAITags({ fileIds: [fileId], AITags: ['car'] });
    assert.deepEqual(aiRemoved, { successfullyUpdatedFileIds: [fileId] });
  });

  it('tags nothing when a named file does not exist', async () => {
    await assert.rejects(client.files.bulk.addTags({ fileIds: [fileId, '0123456789abcdef01234567'], tags: ['x'] }),
      (error) => error instanceof NotFoundError
        && JSON.stringify(error.error.missingFileIds) === '["0123456789abcdef01234567"]');
    assert.deepEqual((await client.files.get(fileId)).tags, ['a5', 'spring']);
  });

  it('deletes the file with every version', async () => {
    const answer = await client.files.delete(fileId);

    assert.equal(answer, null);
    await rejectsWith(client.files.get(fileId), NotFoundError, 404, 'The requested file does not exist.');
    await rejectsWith(client.files.versions.list(fileId), NotFoundError, 404, 'The requested file does not exist.');
    await rejectsWith(client.files.delete(fileId), NotFoundError, 404, 'The requested file does not exist.');
  });

  it('frees the path: the next upload there is a new file', async () => {
    const reborn = await upload(folder, 'flyer.txt');

    assert.notEqual(reborn.fileId, fileId);
    assert.equal(reborn.versionInfo.name, 'Version 1');
  });
});

describe('bulk delete', () => {
  let folder;
  let files;

  before(async () => {
    folder = uniqueFolder('bulk');
    files = [await upload(folder, 'a.txt'), await upload(folder, 'b.txt'), await upload(folder, 'b.txt')];
  });

  it('deletes nothing and lists the missing ids when one does not exist', async () => {
    const missing = '0123456789abcdef01234567';

    await assert.rejects(client.files.bulk.delete({ fileIds: [files[0].fileId, missing] }), (error) => {
      assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${error}`);
      assert.equal(error.error.message, 'The requested file(s) does not exist.');
      assert.deepEqual(error.error.missingFileIds, [missing]);
      return true;
    });
    assert.equal((await client.files.get(files[0].fileId)).fileId, files[0].fileId);
  });

  it('deletes every named file with all its versions', async () => {
    const fileIds = [files[0].fileId, files[1].fileId];

    const answer = await client.files.bulk.delete({ fileIds });

    assert.deepEqual(answer, { successfullyDeletedFileIds: fileIds });
    for (const id of fileIds) {
      await rejectsWith(client.files.versions.list(id), NotFoundError, 404, 'The requested file does not exist.');
    }
  });

  it('refuses an empty list with 400', async () => {
    await rejectsWith(client.files.bulk.delete({ fileIds: [] }), BadRequestError, 400, 'fileIds is empty.');
  });
});
