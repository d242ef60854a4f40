package io.palimpsest.platform.web;

import java.util.UUID;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Every response carries ImageKit's {@code x-ik-requestId}, errors included, so a report can be traced. */
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "x-ik-requestId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().getHeaders().set(HEADER, UUID.randomUUID().toString());
        return chain.filter(exchange);
    }
}
