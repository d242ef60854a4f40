package io.palimpsest.bench.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.palimpsest.shared.files.events.FileEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Palimpsest's event store, reached directly over JDBC on the embedded PostgreSQL: writes events the
 * way Axon's {@code JdbcEventStorageEngine} with Palimpsest's JSON serializer writes them (checked
 * byte for byte against events the upload API wrote, before anything is loaded), and reads the
 * tracking positions of the version-history processor.
 */
final class EventStore {

    static final String AGGREGATE_TYPE = "FileAggregate";
    static final String PAYLOAD_REVISION = "1";
    /** Axon writes event times as ISO instants with exactly three fraction digits. */
    static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern AXON_TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    /** A serialized empty {@code MetaData}: the JSON serializer writes it as an empty object. */
    private static final byte[] EMPTY_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String INSERT_EVENT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PATH = "INSERT INTO file_path (path, file_id) VALUES (?, ?)";
    private static final Pattern TOKEN_INDEX = Pattern.compile("index\\\\?\"\\s*:\\s*(\\d+)");
    private static final int BATCH = 1000;

    private final String jdbcUrl;
    private final ObjectMapper json = springBootLikeMapper();

    EventStore(int port) {
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&password=postgres"
                + "&reWriteBatchedInserts=true";
    }

    /**
     * The ObjectMapper Spring Boot's Jackson auto-configuration builds (and Palimpsest's event serializer
     * copies): Spring's builder with its well-known modules (Java time, JDK 8, parameter names), unknown
     * properties tolerated, and dates and durations as ISO-8601 text, not numbers.
     */
    static ObjectMapper springBootLikeMapper() {
        return Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /**
     * Reads the events Palimpsest itself wrote for one aggregate and checks that this loader writes
     * the same: each payload, read back into its event record and serialised again by our mapper, is
     * byte for byte what Axon stored; type, revision, payload type and time format match too.
     *
     * @return a one-line account of what was compared
     */
    String verifyFormat(String aggregateId, int expectedEvents) throws Exception {
        List<String> checked = new ArrayList<>();
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("SELECT sequence_number, type, time_stamp,"
                     + " payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                     + " WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong(1);
                    String payloadType = rows.getString(4);
                    require(AGGREGATE_TYPE.equals(rows.getString(2)), "type", rows.getString(2));
                    require(AXON_TIME_SHAPE.matcher(rows.getString(3)).matches(), "time_stamp", rows.getString(3));
                    require(PAYLOAD_REVISION.equals(rows.getString(5)), "payload_revision", rows.getString(5));
                    Class<?> type = Class.forName(payloadType);
                    require(FileEvent.class.isAssignableFrom(type), "payload_type", payloadType);
                    byte[] stored = rows.getBytes(6);
                    byte[] ours = json.writeValueAsBytes(json.readValue(stored, type));
                    if (!Arrays.equals(stored, ours)) {
                        throw new IllegalStateException("our serialisation of " + payloadType + " differs from Axon's:\n"
                                + "  stored: " + new String(stored, StandardCharsets.UTF_8) + "\n  ours:   "
                                + new String(ours, StandardCharsets.UTF_8));
                    }
                    String metaData = new String(rows.getBytes(7), StandardCharsets.UTF_8);
                    require(metaData.startsWith("{") && metaData.endsWith("}"), "meta_data", metaData);
                    checked.add("#" + sequence + " " + type.getSimpleName());
                }
            }
        }
        if (checked.size() != expectedEvents) {
            throw new IllegalStateException("expected " + expectedEvents + " events of " + aggregateId + ", found "
                    + checked);
        }
        return "events " + String.join(", ", checked) + " written by the upload API re-serialise byte for byte";
    }

    private static void require(boolean ok, String column, String value) {
        if (!ok) {
            throw new IllegalStateException("unexpected " + column + " in an API-written event: " + value);
        }
    }

    /** What loading took. */
    record Loaded(long events, long files, Duration time, long firstGlobalIndex, long lastGlobalIndex) {
    }

    /**
     * Inserts every event of the dataset, file by file (FileCreated, then its VersionAdded events),
     * with each file's row in {@code file_path} as the write side keeps it, in ONE transaction: the
     * projections see nothing until the commit and then everything, so what follows is a pure
     * rebuild.
     */
    Loaded load(Dataset dataset, IntConsumer filesDone) throws Exception {
        long start = System.nanoTime();
        long events = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long before = maxGlobalIndex(connection);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT);
                 PreparedStatement path = connection.prepareStatement(INSERT_PATH)) {
                int pending = 0;
                for (int f = 0; f < dataset.files(); f++) {
                    Dataset.GeneratedFile file = dataset.file(f);
                    String aggregateId = file.fileId().value();
                    for (int sequence = 0; sequence < file.events().size(); sequence++) {
                        FileEvent event = file.events().get(sequence);
                        Instant at = file.times().get(sequence);
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregateId);
                        insert.setLong(3, sequence);
                        insert.setString(4, AGGREGATE_TYPE);
                        insert.setString(5, AXON_TIME.format(at));
                        insert.setString(6, event.getClass().getName());
                        insert.setString(7, PAYLOAD_REVISION);
                        insert.setBytes(8, json.writeValueAsBytes(event));
                        insert.setBytes(9, EMPTY_META_DATA);
                        insert.addBatch();
                        events++;
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    path.setString(1, file.path().toString());
                    path.setString(2, aggregateId);
                    path.addBatch();
                    if ((f + 1) % 1000 == 0) {
                        path.executeBatch();
                        filesDone.accept(f + 1);
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
                path.executeBatch();
            }
            connection.commit();
            long after = maxGlobalIndex(connection);
            return new Loaded(events, dataset.files(), Duration.ofNanos(System.nanoTime() - start), before + 1, after);
        }
    }

    long maxGlobalIndex() throws SQLException {
        try (Connection connection = connect()) {
            return maxGlobalIndex(connection);
        }
    }

    private static long maxGlobalIndex(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The lowest position over all segments of a processor whose tokens live in {@code token_entry}
     * (the version history's): every event up to it has been handled by every segment. Empty while a
     * segment has no token yet.
     */
    OptionalLong lowestPosition(Connection connection, String processor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT token FROM token_entry WHERE processor_name = ?")) {
            select.setString(1, processor);
            long lowest = Long.MAX_VALUE;
            int segments = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    segments++;
                    byte[] token = rows.getBytes(1);
                    if (token == null) {
                        return OptionalLong.empty();
                    }
                    Matcher index = TOKEN_INDEX.matcher(new String(token, StandardCharsets.UTF_8));
                    if (!index.find()) {
                        return OptionalLong.empty();
                    }
                    lowest = Math.min(lowest, Long.parseLong(index.group(1)));
                }
            }
            return segments == 0 ? OptionalLong.empty() : OptionalLong.of(lowest);
        }
    }

    /** The position in a serialised tracking token ({@code {"index":N,...}}, JSON-escaped or not), if it has one. */
    static OptionalLong position(String serializedToken) {
        if (serializedToken == null) {
            return OptionalLong.empty();
        }
        Matcher index = TOKEN_INDEX.matcher(serializedToken);
        return index.find() ? OptionalLong.of(Long.parseLong(index.group(1))) : OptionalLong.empty();
    }
}
