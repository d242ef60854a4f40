// Uploading onto an existing path makes a new version of the same file (spec §3.1, rule 3).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BadRequestError, PermissionDeniedError } from '@imagekit/nodejs';
import { palimpsest, textFile, uniqueFolder } from '../support/palimpsest.mjs';

const client = palimpsest();

async function uploadTo(folder, fileName, options = {}) {
  return client.files.upload({
    file: await textFile(fileName),
    fileName,
    folder,
    useUniqueFileName: false,
    ...options,
  });
}

describe('uploading onto one path', () => {
  it('keeps the fileId and names the second upload "Version 2"', async () => {
    const folder = uniqueFolder();
    const first = await uploadTo(folder, 'notes.txt');
    const second = await uploadTo(folder, 'notes.txt');

    assert.equal(first.filePath, `${folder}/notes.txt`);
    assert.equal(first.versionInfo.name, 'Version 1');
    assert.equal(first.versionInfo.id, first.fileId);
    assert.equal(second.fileId, first.fileId);
    assert.equal(second.filePath, first.filePath);
    assert.equal(second.versionInfo.name, 'Version 2');
    assert.notEqual(second.versionInfo.id, first.versionInfo.id);
  });

  it('rejects the upload with 400 when overwriteFile is false', async () => {
    const folder = uniqueFolder();
    await uploadTo(folder, 'notes.txt');

    await assert.rejects(uploadTo(folder, 'notes.txt', { overwriteFile: false }), (error) => {
      assert.ok(error instanceof BadRequestError, `expected BadRequestError, got ${error}`);
      assert.equal(error.status, 400);
      assert.equal(
        error.error.message,
        'A file with the same name already exists at the exact location. We could not overwrite it ' +
          'because both overwriteFile and useUniqueFileName are set to false.',
      );
      return true;
    });
  });
});

describe('authentication', () => {
  it('rejects an upload signed with a wrong private key with 403', async () => {
    const stranger = palimpsest({ key: 'private_not_the_right_key' });

    await assert.rejects(
      stranger.files.upload({ file: await textFile('notes.txt'), fileName: 'notes.txt', folder: uniqueFolder() }),
      (error) => {
        assert.ok(error instanceof PermissionDeniedError, `expected PermissionDeniedError, got ${error}`);
        assert.equal(error.status, 403);
        assert.equal(error.error.message, 'Your account cannot be authenticated.');
        return true;
      },
    );
  });
});

describe('unique file names', () => {
  it('gives an upload with default options a name of its own', async () => {
    const folder = uniqueFolder();
    const uploaded = await client.files.upload({ file: await textFile('notes.txt'), fileName: 'notes.txt', folder });

    assert.notEqual(uploaded.name, 'notes.txt');
    assert.match(uploaded.name, /^notes_.+\.txt$/);
    assert.equal(uploaded.filePath, `${folder}/${uploaded.name}`);
    assert.equal(uploaded.versionInfo.name, 'Version 1');
  });
});

describe('upload checks', () => {
  it('stores an upload whose checks hold and refuses one whose checks fail', async () => {
    const folder = uniqueFolder();
    const kept = await uploadTo(folder, 'notes.txt', { checks: `"request.folder" : "${folder}/" AND "file.size" < "1mb"` });
    assert.equal(kept.versionInfo.name, 'Version 1');

    await assert.rejects(uploadTo(folder, 'notes.txt', { checks: '"file.mime" : "image/"' }), (error) => {
      assert.ok(error instanceof BadRequestError, `expected BadRequestError, got ${error}`);
      assert.equal(error.error.message, "Your request failed 'checks' validation.");
      return true;
    });
    const next = await uploadTo(folder, 'notes.txt');
    assert.equal(next.fileId, kept.fileId);
    assert.equal(next.versionInfo.name, 'Version 2');
  });

  it('refuses checks that do not parse with 400', async () => {
    await assert.rejects(uploadTo(uniqueFolder(), 'notes.txt', { checks: '"file.size" < 1mb)' }), (error) => {
      assert.ok(error instanceof BadRequestError, `expected BadRequestError, got ${error}`);
      assert.equal(error.error.message, 'Your request contains invalid syntax for the checks parameter.');
      return true;
    });
  });
});
