package io.palimpsest.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.reactive.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import reactor.netty.NettyPipeline;

/** Request ids and ImageKit-shaped errors for every HTTP endpoint of a Palimpsest process. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
public class WebConfiguration {

    /** {@code palimpsest.url-endpoint}; by default this process's own address on the loopback interface. */
    @Bean
    DeliveryUrls deliveryUrls(
            @Value("${palimpsest.url-endpoint:http://localhost:${server.port:8080}}") String endpoint) {
        return new DeliveryUrls(endpoint);
    }

    /** The one source of "now" for ids, timestamps and expiry checks; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    /** ImageKit's error body also for the requests Reactor Netty refuses before any handler runs. */
    @Bean
    NettyServerCustomizer unreadableRequestBodies(ObjectMapper objectMapper) {
        UnreadableRequestBodies.Bodies bodies = new UnreadableRequestBodies.Bodies(objectMapper);
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, UnreadableRequestBodies.NAME,
                        new UnreadableRequestBodies(bodies));
            }
        });
    }

    /** Ahead of Spring Boot's own handler (order -1), so no request ever sees Boot's error body. */
    @Bean
    @Order(-2)
    ApiExceptionHandler apiExceptionHandler(List<ApiErrorTranslator> translators, ObjectMapper objectMapper) {
        return new ApiExceptionHandler(translators, objectMapper);
    }
}
