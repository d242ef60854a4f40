package io.palimpsest.shared.files.commands;

/**
 * ImageKit's {@code overwriteTags}, {@code overwriteCustomMetadata} and {@code overwriteAITags}: when
 * a new version does not send a field, {@code true} drops the previous value, {@code false} keeps it.
 * A field that is sent always wins.
 */
public record OverwriteRules(boolean tags, boolean customMetadata, boolean aiTags) {

    public static final OverwriteRules DEFAULTS = new OverwriteRules(true, true, true);
}
