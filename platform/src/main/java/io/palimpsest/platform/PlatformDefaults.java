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

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("palimpsestPlatformDefaults", Map.of(
                // a self-hosted service must not phone home
                "axoniq.update-checker.disabled", "true",
                // the event store is PostgreSQL; Axon Server is excluded from the build
                "axon.axonserver.enabled", "false")));
    }
}
