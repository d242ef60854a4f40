package io.palimpsest.shared.files;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The editable metadata snapshot of one version. Every version keeps its own; edits only ever
 * change the current version's. Collections are never null (empty means none).
 */
public record VersionDetails(
        List<String> tags,
        List<AITag> aiTags,
        Map<String, Object> customMetadata,
        String customCoordinates,
        String description,
        boolean privateFile,
        boolean published) {

    public VersionDetails {
        tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
        aiTags = List.copyOf(Objects.requireNonNullElse(aiTags, List.of()));
        customMetadata = unmodifiableCopy(Objects.requireNonNullElse(customMetadata, Map.of()));
    }

    public VersionDetails withTags(List<String> newTags) {
        return new VersionDetails(newTags, aiTags, customMetadata, customCoordinates, description, privateFile, published);
    }

    public VersionDetails withAiTags(List<AITag> newAiTags) {
        return new VersionDetails(tags, newAiTags, customMetadata, customCoordinates, description, privateFile, published);
    }

    public VersionDetails withCustomMetadata(Map<String, Object> newCustomMetadata) {
        return new VersionDetails(tags, aiTags, newCustomMetadata, customCoordinates, description, privateFile, published);
    }

    public VersionDetails withCustomCoordinates(String newCustomCoordinates) {
        return new VersionDetails(tags, aiTags, customMetadata, newCustomCoordinates, description, privateFile, published);
    }

    public VersionDetails withDescription(String newDescription) {
        return new VersionDetails(tags, aiTags, customMetadata, customCoordinates, newDescription, privateFile, published);
    }

    public VersionDetails withPublished(boolean newPublished) {
        return new VersionDetails(tags, aiTags, customMetadata, customCoordinates, description, privateFile, newPublished);
    }

    public VersionDetails withTagsAdded(Collection<String> added) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(tags);
        merged.addAll(added);
        return withTags(new ArrayList<>(merged));
    }

    public VersionDetails withTagsRemoved(Collection<String> removed) {
        return withTags(tags.stream().filter(tag -> !removed.contains(tag)).toList());
    }

    public VersionDetails withAiTagsRemoved(Collection<String> removedNames) {
        return withAiTags(aiTags.stream().filter(tag -> !removedNames.contains(tag.name())).toList());
    }

    /** Map.copyOf refuses null values, which custom metadata never holds once merged. */
    private static Map<String, Object> unmodifiableCopy(Map<String, Object> source) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
