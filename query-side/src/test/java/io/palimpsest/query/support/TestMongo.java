package io.palimpsest.query.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One MongoDB wire-protocol server for the test JVM (the same server the standalone embeds), and a
 * fresh database in it for every Spring context that asks.
 */
public final class TestMongo {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MongoServer server;

    private TestMongo() {
    }

    public static void registerFreshDatabase(DynamicPropertyRegistry registry) {
        String uri = "mongodb://127.0.0.1:" + server().getLocalAddress().getPort() + "/read_models_"
                + DATABASES.incrementAndGet();
        registry.add("spring.data.mongodb.uri", () -> uri);
    }

    private static synchronized MongoServer server() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
        }
        return server;
    }
}
