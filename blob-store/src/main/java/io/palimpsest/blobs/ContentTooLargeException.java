package io.palimpsest.blobs;

import java.io.IOException;

/**
 * More bytes arrived than the upload limit allows. Staging stops reading at the first byte over the
 * limit, so an oversized upload never fills the disk.
 */
public final class ContentTooLargeException extends IOException {

    private final long limit;

    public ContentTooLargeException(long limit) {
        super("content exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
