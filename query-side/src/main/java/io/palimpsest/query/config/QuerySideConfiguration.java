package io.palimpsest.query.config;

import com.mongodb.connection.TransportSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.netty.buffer.PooledByteBufAllocator;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Wiring of the read side's stores. */
@Configuration
public class QuerySideConfiguration {

    @Bean
    MongoDatabase readModelDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    /**
     * The MongoDB driver on Netty, as Spring Boot sets it up, but encoding into heap buffers: the driver
     * writes strings into an array-backed buffer through a fast path, and into Netty's default direct
     * buffers a byte at a time (measured under upload load: the version history's BSON encoding was 14 %
     * of the server's CPU with direct buffers). Runs after Boot's customizers, so the connection string
     * and every {@code spring.data.mongodb.*} setting still apply; the driver owns the event loop it
     * creates and closes it with the client.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer heapBufferEncoding() {
        return builder -> builder.transportSettings(TransportSettings.nettyBuilder()
                .allocator(new PooledByteBufAllocator(false))
                .build());
    }
}
