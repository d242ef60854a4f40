// Folders: create, delete, and background copy, move and rename jobs (spec §3.12).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BadRequestError, NotFoundError } from '@imagekit/nodejs';
import { palimpsest, textFile, uniqueFolder } from '../support/palimpsest.mjs';

const client = palimpsest();

async function upload(folder, fileName) {
  return client.files.upload({ file: await textFile(fileName), fileName, folder, useUniqueFileName: false });
}

async function until(read, holds, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (holds(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what} not reached within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

const completed = (jobId) => until(() => client.folders.job.get(jobId), (job) => job.status === 'Completed', `job ${jobId}`);
const filesUnder = (folder) => client.assets.list({ searchQuery: `path : "${folder}/"`, sort: 'ASC_NAME' });

describe('folders', () => {
  it('creates an empty folder that list shows', async () => {
    const parent = uniqueFolder('parent');
    await client.folders.create({ folderName: 'new folder', parentFolderPath: parent });

    const folders = await until(() => client.assets.list({ type: 'folder', path: parent }), (l) => l.length === 1, 'folder');
    assert.equal(folders[0].folderPath, `${parent}/new_folder`);
    assert.equal(folders[0].type, 'folder');
  });

  it('copies a folder with its subfolders into another, leaving the source', async () => {
    const [source, destination] = [uniqueFolder('src'), uniqueFolder('dst')];
    await upload(source, 'a.txt');
    await upload(`${source}/inner`, 'b.txt');

    const { jobId } = await client.folders.copy({ sourceFolderPath: source, destinationPath: destination });
    const job = await completed(jobId);

    assert.equal(job.type, 'COPY_FOLDER');
    const name = source.slice(1);
    const copies = await until(() => filesUnder(`${destination}/${name}`), (l) => l.length === 2, 'copies');
    assert.deepEqual(copies.map((f) => f.filePath), [`${destination}/${name}/a.txt`, `${destination}/${name}/inner/b.txt`]);
    assert.equal((await filesUnder(source)).length, 2);
  });

  it('moves a folder with every version of its files', async () => {
    const [source, destination] = [uniqueFolder('src'), uniqueFolder('dst')];
    const first = await upload(source, 'm.txt');
    await upload(source, 'm.txt');

    const { jobId } = await client.folders.move({ sourceFolderPath: source, destinationPath: destination });
    await completed(jobId);

    const moved = await client.files.get(first.fileId);
    assert.equal(moved.filePath, `${destination}/${source.slice(1)}/m.txt`);
    assert.equal((await client.files.versions.list(first.fileId)).length, 2);
  });

  it('renames a folder', async () => {
    const source = uniqueFolder('old');
    const file = await upload(source, 'r.txt');

    const newName = `renamed-${Date.now()}`;
    const { jobId } = await client.folders.rename({ folderPath: source, newFolderName: newName });
    await completed(jobId);

    assert.equal((await client.files.get(file.fileId)).filePath, `/${newName}/r.txt`);
  });

  it('deletes a folder with every file in it', async () => {
    const folder = uniqueFolder('gone');
    const file = await upload(`${folder}/deep`, 'x.txt');

    await client.folders.delete({ folderPath: folder });

    await assert.rejects(client.files.get(file.fileId), (error) => error instanceof NotFoundError);
  });

  it('answers 404 NO_FILES_FOLDER for copying a folder that does not exist', async () => {
    await assert.rejects(client.folders.copy({ sourceFolderPath: uniqueFolder('none'), destinationPath: '/x' }),
      (error) => error instanceof NotFoundError && error.error.reason === 'NO_FILES_FOLDER');
  });

  it('answers 400 INVALID_DESTINATION_PATH for moving a folder into itself', async () => {
    const folder = uniqueFolder('self');
    await upload(folder, 's.txt');
    await assert.rejects(client.folders.move({ sourceFolderPath: folder, destinationPath: `${folder}/sub` }),
      (error) => error instanceof BadRequestError && error.error.reason === 'INVALID_DESTINATION_PATH');
  });

  it('answers 404 for an unknown job', async () => {
    await assert.rejects(client.folders.job.get('0123456789abcdef01234567'), (error) => error instanceof NotFoundError);
  });
});
