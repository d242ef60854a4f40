package io.palimpsest.shared.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A folder, written as ImageKit writes it in responses: leading and trailing slash ({@code /a/b/}),
 * the root being {@code /}. Segments are letters, digits, {@code _ - .}; {@code .} and {@code ..}
 * are refused so a path can never climb out of its parent.
 */
public record FolderPath(String value) {

    public static final FolderPath ROOT = new FolderPath("/");
    public static final int MAX_DEPTH = 50;
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}_\\-.]{1,255}");

    public FolderPath {
        Objects.requireNonNull(value, "folder");
        if (!value.startsWith("/") || !value.endsWith("/")) {
            throw new IllegalArgumentException("folder must start and end with '/': " + value);
        }
        List<String> segments = segmentsOf(value);
        if (segments.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("folder is nested deeper than " + MAX_DEPTH + " levels");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid folder name: " + segment);
            }
        }
    }

    /**
     * Reads a folder as users write it: with or without leading/trailing slashes, repeated slashes
     * collapsed ({@code images}, {@code /images}, {@code images/} all name {@code /images/}).
     */
    public static FolderPath parse(String raw) {
        Objects.requireNonNull(raw, "folder");
        StringBuilder normalised = new StringBuilder("/");
        for (String segment : raw.trim().split("/+")) {
            if (!segment.isEmpty()) {
                normalised.append(segment).append('/');
            }
        }
        return new FolderPath(normalised.toString());
    }

    public List<String> segments() {
        return segmentsOf(value);
    }

    /** This folder and each of its ancestors, root excluded, outermost first. */
    public List<FolderPath> selfAndAncestors() {
        List<FolderPath> result = new ArrayList<>();
        StringBuilder path = new StringBuilder("/");
        for (String segment : segments()) {
            path.append(segment).append('/');
            result.add(new FolderPath(path.toString()));
        }
        return result;
    }

    private static List<String> segmentsOf(String value) {
        List<String> segments = new ArrayList<>();
        for (String segment : value.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty() && !value.equals("/")) {
            throw new IllegalArgumentException("empty folder segment: " + value);
        }
        if (value.contains("//")) {
            throw new IllegalArgumentException("empty folder segment: " + value);
        }
        return segments;
    }

    @Override
    public String toString() {
        return value;
    }
}
