package io.palimpsest.command.files.upload;

import java.util.Objects;

/**
 * What the bytes of an upload turned out to be. Dimensions and alpha are null when they are unknown:
 * for anything but a raster image, for an image no installed reader understands, and for a corrupt one.
 */
public record InspectedContent(String mime, Integer width, Integer height, Boolean hasAlpha) {

    public InspectedContent {
        Objects.requireNonNull(mime, "mime");
    }

    static InspectedContent withoutDimensions(String mime) {
        return new InspectedContent(mime, null, null, null);
    }
}
