package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;

import java.io.IOException;

/**
 * A blob that an event refers to is missing. Events are appended only after their bytes are stored,
 * so outside of a lost or tampered store this means the hash did not come from an event.
 */
public final class NoSuchBlobException extends IOException {

    private final transient ContentHash hash;

    public NoSuchBlobException(ContentHash hash) {
        super("no blob " + hash);
        this.hash = hash;
    }

    public NoSuchBlobException(ContentHash hash, Throwable cause) {
        super("no blob " + hash, cause);
        this.hash = hash;
    }

    public ContentHash hash() {
        return hash;
    }
}
