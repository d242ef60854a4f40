package io.palimpsest.standalone;

import io.palimpsest.standalone.infrastructure.EmbeddedInfrastructure;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Palimpsest in one JVM: the write side, the read side and, unless external ones are configured,
 * an embedded PostgreSQL and MongoDB wire server, with every byte of data under one directory.
 */
@SpringBootApplication(scanBasePackages = "io.palimpsest")
public class StandaloneApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(StandaloneApplication.class)
                .initializers(new EmbeddedInfrastructure())
                .run(args);
    }
}
