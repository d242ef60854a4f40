package io.palimpsest.standalone.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts, before any bean needs them, the servers that configuration does not point elsewhere:
 * PostgreSQL unless {@code spring.datasource.url} is set, the MongoDB wire server unless
 * {@code spring.data.mongodb.uri} is set. They are stopped after every bean is gone. With its own
 * PostgreSQL, this process is the event store's only writer ({@code palimpsest.event-store.single-writer}).
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Path dataDir = Path.of(environment.getProperty("palimpsest.data-dir", "./data")).toAbsolutePath().normalize();
        List<AutoCloseable> started = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            Files.createDirectories(dataDir);
            started.add(DataDirectoryLock.acquire(dataDir));
            if (!hasText(environment, "spring.datasource.url")) {
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
                started.add(postgres);
                properties.put("spring.datasource.url", postgres.jdbcUrl());
                properties.put("spring.datasource.username", EmbeddedPostgresServer.USER);
                properties.put("spring.datasource.password", "");
                if (!hasText(environment, "palimpsest.event-store.single-writer")) {
                    // no other process writes this event store: aggregate heads are kept in memory
                    properties.put("palimpsest.event-store.single-writer", "true");
                }
            }
            if (!hasText(environment, "spring.data.mongodb.uri")) {
                EmbeddedMongoServer mongo = EmbeddedMongoServer.start(dataDir.resolve("mongo"));
                started.add(mongo);
                properties.put("spring.data.mongodb.uri", mongo.connectionString());
            }
        } catch (IOException e) {
            closeAll(started);
            throw new UncheckedIOException("could not start the embedded infrastructure in " + dataDir, e);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedInfrastructure", properties));
        log.info("Data directory {}", dataDir);
        // registered first, so destroyed last: after the beans that use these servers
        DisposableBean stopAll = () -> closeAll(started);
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedInfrastructure",
                stopAll);
    }

    private static boolean hasText(ConfigurableEnvironment environment, String key) {
        String value = environment.getProperty(key);
        return value != null && !value.isBlank();
    }

    private static void closeAll(List<AutoCloseable> started) {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed", closeable, e);
            }
        }
        started.clear();
    }
}
