package io.palimpsest.query.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The search-index processor's position, kept in the index's own commit data instead of the shared
 * token table: each node has its own index, and the position must commit with the documents (a node
 * with a lost or empty index simply rebuilds from the start of the event stream). Storing a token
 * is what commits the batch's staged documents. One segment: one index, one writer.
 */
class IndexTokenStore implements TokenStore {

    private final SearchIndex index;
    private final Serializer serializer;
    private final ObjectMapper json;

    IndexTokenStore(SearchIndex index, Serializer serializer, ObjectMapper json) {
        this.index = index;
        this.serializer = serializer;
        this.json = json;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (initialToken != null) {
            storeToken(initialToken, processorName, 0);
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        index.commit(write(token));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return index.committedToken().map(this::read).orElse(null);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        // single node, single segment: there is no claim to release
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        if (token != null) {
            storeToken(token, processorName, segment);
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return false;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return new int[] {0};
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.of("search-index");
    }

    private String write(TrackingToken token) {
        if (token == null) {
            return "";
        }
        SerializedObject<String> serialized = serializer.serialize(token, String.class);
        return json.createObjectNode()
                .put("type", serialized.getType().getName())
                .put("revision", serialized.getType().getRevision())
                .put("data", serialized.getData())
                .toString();
    }

    private TrackingToken read(String stored) {
        if (stored.isEmpty()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(stored);
            String revision = node.hasNonNull("revision") ? node.get("revision").asText() : null;
            return serializer.deserialize(new SimpleSerializedObject<>(node.get("data").asText(), String.class,
                    node.get("type").asText(), revision));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable search index position: " + stored, e);
        }
    }
}
