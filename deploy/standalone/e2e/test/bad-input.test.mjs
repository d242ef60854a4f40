// Bad input of every kind, sent straight over HTTP (the SDK would refuse much of it before sending):
// each answer must be a 4xx in ImageKit's error shape or a success, never a 5xx. Seeded, so a failure
// can be replayed; bounded (about 2,500 requests), so the suite stays fast.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baseURL, privateKey, uniqueFolder } from '../support/palimpsest.mjs';

const auth = `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`;

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20261128);
const pick = (items) => items[Math.floor(random() * items.length)];
const printable = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~';
const noise = () => Array.from({ length: Math.floor(random() * 40) }, () => pick(printable)).join('');

const WEIRD = ['', ' ', '..', '../..', '%00', '\u0000', 'x'.repeat(5000), 'ü', '😀', '/', '//', 'null', '[', '{}',
  '1e999', '-1', '9'.repeat(40), '\\', 'a/b', '%2e%2e', '"', "'", '\r\n'];
const JSON_VALUES = [null, 1, -1, 1.5, true, 'str', '', [], {}, [null], [1], ['x'.repeat(3000)], 'x'.repeat(10000),
  { a: { b: [1] } }, '..', '/', '\u0000'];

/** Sends one request and returns what went wrong with its answer, or null. */
async function probe(method, path, { body, contentType } = {}) {
  const headers = { authorization: auth };
  if (contentType) {
    headers['content-type'] = contentType;
  }
  const response = await fetch(baseURL + path, { method, headers, body });
  const text = await response.text();
  const what = `${method} ${path.slice(0, 80)} ${typeof body === 'string' ? body.slice(0, 80) : ''}`;
  if (response.status >= 500) {
    return `${what} -> ${response.status} ${text.slice(0, 160)}`;
  }
  if (response.status >= 400) {
    try {
      if (typeof JSON.parse(text).message !== 'string') {
        return `${what} -> ${response.status} without a message: ${text.slice(0, 160)}`;
      }
    } catch {
      return `${what} -> ${response.status} not JSON: ${text.slice(0, 160)}`;
    }
  }
  return null;
}

const json = (method, path, value) =>
  probe(method, path, { body: typeof value === 'string' ? value : JSON.stringify(value), contentType: 'application/json' });

function uploadForm(fields) {
  const form = new FormData();
  for (const [name, value, fileName] of fields) {
    if (fileName === undefined) {
      form.append(name, value);
    } else {
      form.append(name, new Blob([value]), fileName);
    }
  }
  return probe('POST', '/api/v1/files/upload', { body: form });
}

async function problemsOf(requests) {
  const problems = [];
  for (const request of requests) {
    const problem = await request();
    if (problem) {
      problems.push(problem);
    }
  }
  return problems;
}

async function uploaded(folder) {
  const form = new FormData();
  form.append('file', new Blob(['hello']), 'a.txt');
  form.append('fileName', 'a.txt');
  form.append('folder', folder);
  form.append('useUniqueFileName', 'false');
  const response = await fetch(`${baseURL}/api/v1/files/upload`, { method: 'POST', headers: { authorization: auth }, body: form });
  assert.equal(response.status, 200);
  return response.json();
}

describe('bad input', () => {
  it('answers malformed upload fields with 4xx in ImageKit\'s shape', async () => {
    const folder = uniqueFolder('bad-upload');
    const fields = ['fileName', 'folder', 'tags', 'customCoordinates', 'customMetadata', 'responseFields', 'extensions',
      'transformation', 'checks', 'isPrivateFile', 'useUniqueFileName', 'overwriteFile', 'overwriteTags',
      'overwriteCustomMetadata', 'overwriteAITags', 'isPublished', 'description', 'expire', 'token', 'signature'];
    const requests = [];
    for (const field of fields) {
      for (const value of [...WEIRD, noise(), noise(), noise()]) {
        const form = [['file', 'x'.repeat(10), 'f.bin'], ['fileName', 'f.bin'], ['folder', folder]]
          .filter(([name]) => name !== field);
        requests.push(() => uploadForm([...form, [field, value]]));
      }
    }
    for (const file of [...WEIRD, 'data:;base64,@@@', 'data:image/png;base64,', 'ftp://x/y', 'http://[::1]/',
      'http://10.0.0.1/x', 'http://localhost:1/', 'https://', 'http://999.1.1.1/', 'file:///etc/passwd', '====']) {
      requests.push(() => uploadForm([['file', file], ['fileName', 'f.bin'], ['folder', folder]]));
    }
    requests.push(() => uploadForm([['file', 'a', 'a'], ['file', 'b', 'b'], ['fileName', 'f.bin']]));
    requests.push(() => uploadForm([]));
    requests.push(() => probe('POST', '/api/v1/files/upload', { body: 'garbage', contentType: 'multipart/form-data; boundary=zzz' }));
    requests.push(() => probe('POST', '/api/v1/files/upload', { body: '{}', contentType: 'application/json' }));

    assert.deepEqual(await problemsOf(requests), []);
  });

  it('answers malformed JSON bodies with 4xx in ImageKit\'s shape', async () => {
    const folder = uniqueFolder('bad-json');
    const file = await uploaded(folder);
    const shapes = [
      ['PUT', '/v1/files/rename', { filePath: `${folder}/a.txt`, newFileName: 'b.txt', purgeCache: false }],
      ['POST', '/v1/files/batch/deleteByFileIds', { fileIds: [file.fileId] }],
      ['POST', '/v1/files/addTags', { fileIds: [file.fileId], tags: ['t'] }],
      ['POST', '/v1/files/removeTags', { fileIds: [file.fileId], tags: ['t'] }],
      ['POST', '/v1/files/removeAITags', { fileIds: [file.fileId], AITags: ['t'] }],
      ['POST', '/v1/files/copy', { sourceFilePath: `${folder}/a.txt`, destinationPath: `${folder}-copy/`, includeFileVersions: true }],
      ['POST', '/v1/files/move', { sourceFilePath: `${folder}/none.txt`, destinationPath: `${folder}-moved/` }],
      ['POST', '/v1/folder', { folderName: 'n', parentFolderPath: folder }],
      ['DELETE', '/v1/folder', { folderPath: `${folder}-none` }],
      ['POST', '/v1/bulkJobs/copyFolder', { sourceFolderPath: `${folder}-none`, destinationPath: '/x', includeVersions: true }],
      ['POST', '/v1/bulkJobs/moveFolder', { sourceFolderPath: `${folder}-none`, destinationPath: '/x' }],
      ['POST', '/v1/bulkJobs/renameFolder', { folderPath: `${folder}-none`, newFolderName: 'y', purgeCache: false }],
      ['PATCH', `/v1/files/${file.fileId}/details`, { tags: ['a'], customCoordinates: '1,2,3,4', description: 'd',
        customMetadata: {}, extensions: [], webhookUrl: 'http://x', publish: { isPublished: true }, removeAITags: ['x'] }],
      ['POST', '/v1/customMetadataFields', { name: `f${Date.now()}`, label: `F${Date.now()}`, schema: { type: 'Text' } }],
      ['PATCH', '/v1/customMetadataFields/xyz', { label: 'L', schema: {} }],
    ];
    const requests = [];
    for (const [method, path, shape] of shapes) {
      for (const body of ['', 'null', '[]', '{', '123', '"s"', '{}', '{"a":1}']) {
        requests.push(() => json(method, path, body));
      }
      requests.push(() => probe(method, path, { body: JSON.stringify(shape), contentType: 'text/plain' }));
      for (const key of Object.keys(shape)) {
        for (const value of JSON_VALUES) {
          requests.push(() => json(method, path, { ...shape, [key]: value }));
        }
        const { [key]: _dropped, ...without } = shape;
        requests.push(() => json(method, path, without));
      }
    }
    requests.push(() => json('POST', '/v1/files/addTags', `{"fileIds":${'['.repeat(5000)}${']'.repeat(5000)}}`));

    assert.deepEqual(await problemsOf(requests), []);
  });

  it('answers ids that cannot be ids, and unknown ones, with 4xx', async () => {
    const file = await uploaded(uniqueFolder('bad-ids'));
    const versionId = file.versionInfo.id;
    const requests = [];
    for (const id of ['x', '..', '%2e%2e', 'a'.repeat(3000), '%00', '%F0%9F%98%80', 'null', `${file.fileId}x`,
      file.fileId.toUpperCase(), '000000000000000000000000']) {
      for (const path of [`/v1/files/${id}/details`, `/v1/files/${id}/versions`, `/v1/bulkJobs/${id}`]) {
        requests.push(() => probe('GET', path));
      }
      requests.push(() => probe('DELETE', `/v1/files/${id}`));
      requests.push(() => probe('DELETE', `/v1/customMetadataFields/${id}`));
      for (const [method, suffix] of [['GET', ''], ['DELETE', ''], ['PUT', '/restore']]) {
        requests.push(() => probe(method, `/v1/files/${file.fileId}/versions/${id}${suffix}`));
        requests.push(() => probe(method, `/v1/files/${id}/versions/${versionId}${suffix}`));
      }
    }

    assert.deepEqual(await problemsOf(requests), []);
  });

  it('answers malformed list parameters, searchQuery and checks with 4xx', async () => {
    const requests = [];
    for (const name of ['type', 'sort', 'path', 'fileType', 'limit', 'skip', 'tags', 'name', 'searchQuery']) {
      for (const value of [...WEIRD, '0', '1001', '100000000000', 'abc', '1.5', noise(), noise()]) {
        requests.push(() => probe('GET', `/v1/files?${name}=${encodeURIComponent(value)}`));
      }
    }
    const tokens = ['name', 'tags', 'type', 'size', 'createdAt', 'width', '"customMetadata.x"', 'format', 'private',
      'path', '=', ':', '<', '>=', 'IN', 'NOT', 'HAS', 'EXISTS', 'AND', 'OR', '(', ')', '[', ']', ',', '"a"', '1',
      '"1mb"', '7d', '2024-01-01', '"file-version"', 'true', "'x'", '"', '\\'];
    const sentence = (words) => Array.from({ length: 1 + Math.floor(random() * 9) }, () => pick(words)).join(' ');
    for (let i = 0; i < 400; i++) {
      requests.push(() => probe('GET', `/v1/files?searchQuery=${encodeURIComponent(sentence(tokens))}`));
    }
    // the check fields, then the operators, keywords, brackets and values of the searchQuery words
    const checkWords = ['"file.size"', '"file.mime"', '"request.folder"', '"file.width"', 'file.height',
      ...tokens.slice(10), '"image/"', '"/a/b"', '"10kb"'];
    for (let i = 0; i < 200; i++) {
      requests.push(() => uploadForm([['file', 'x', 'f.bin'], ['fileName', 'f.bin'], ['checks', sentence(checkWords)]]));
    }
    const deep = `${'('.repeat(5000)}name = "a"${')'.repeat(5000)}`;
    const manyValues = `name IN [${Array.from({ length: 1500 }, (_, i) => `"${i}"`).join(',')}]`;
    for (const query of [deep, manyValues]) {
      requests.push(() => probe('GET', `/v1/files?searchQuery=${encodeURIComponent(query)}`));
    }

    assert.deepEqual(await problemsOf(requests), []);
  });
});
