package io.palimpsest.command.files.upload;

/** Uploads with bytes on the local filesystem, the standalone default. */
class LocalStorageUploadIT extends UploadBehaviour {
}
