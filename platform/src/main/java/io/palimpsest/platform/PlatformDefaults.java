package io.palimpsest.platform;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every Palimpsest process needs whatever its configuration says, added with the lowest
 * precedence so an operator can still override them deliberately.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's update checker reads system properties and environment variables, not Spring's
        // environment: a self-hosted service must not phone home
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        environment.getPropertySources().addLast(new MapPropertySource("palimpsestPlatformDefaults", Map.of(
                // the event store is PostgreSQL; Axon Server is excluded from the build
                "axon.axonserver.enabled", "false",
                // Axon's handler timeouts (interrupt after 30 s) capture the calling thread's whole
                // stack on every command and on every event each processor handles, to log a class name
                // if it ever times out: 2.7 % of the server's CPU under upload load, more in a
                // replay. Slow handlers show in the metrics and thread dumps instead.
                "axon.timeout.enabled", "false",
                // a searchQuery travels in the URL: `id IN [...]` over a few hundred ids passes Netty's
                // default 4 KiB request line, and what Netty refuses is answered with an empty body,
                // not an error in ImageKit's shape
                "server.netty.max-initial-line-length", "64KB")));
    }
}
