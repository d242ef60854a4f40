package io.palimpsest.shared.files;

import java.util.Objects;

/** A tag written by an auto-tagging extension, as ImageKit reports it. */
public record AITag(String name, double confidence, String source) {

    public AITag {
        Objects.requireNonNull(name, "name");
    }
}
