package io.palimpsest.standalone.infrastructure;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in this JVM, with the H2 backend so read models survive restarts
 * without a rebuild. It scans collections for anything but {@code _id} look-ups: read models are
 * designed so that hot reads are {@code _id} look-ups (DESIGN.md).
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    static EmbeddedMongoServer start(Path directory) throws IOException {
        Files.createDirectories(directory);
        MongoServer server = new MongoServer(new H2Backend(directory.resolve("read-models.mv").toString()));
        server.bind("127.0.0.1", 0);
        EmbeddedMongoServer started = new EmbeddedMongoServer(server, server.getLocalAddress());
        log.info("Embedded MongoDB wire server listening on {}, data in {}", started.connectionString(), directory);
        return started;
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort() + "/palimpsest";
    }

    @Override
    public void close() {
        server.shutdown();
    }

    @Override
    public String toString() {
        return "embedded MongoDB wire server";
    }
}
