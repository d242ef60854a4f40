package io.palimpsest.platform.security;

import io.palimpsest.platform.web.ApiError;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards the management API ({@code /v1/**}) with HTTP Basic and the private key. Uploads
 * ({@code /api/**}) authenticate themselves, since they may instead carry a client-side signature.
 */
public class ManagementApiAuthentication implements WebFilter {

    public static final String MISSING_KEY = "Your request does not contain private API key.";
    public static final String WRONG_KEY = "Your account cannot be authenticated.";

    private final ApiKeys keys;

    public ManagementApiAuthentication(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().pathWithinApplication().value().startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        ApiError refusal = check(keys, request);
        return refusal == null ? chain.filter(exchange) : Mono.error(refusal);
    }

    /** Null when the request carries the private key; otherwise the 401 or 403 to answer. */
    public static ApiError check(ApiKeys keys, ServerHttpRequest request) {
        Optional<String> user = BasicCredentials.userName(request.getHeaders());
        if (user.isEmpty()) {
            return new ApiError(HttpStatus.UNAUTHORIZED, MISSING_KEY);
        }
        return keys.isPrivateKey(user.get()) ? null : new ApiError(HttpStatus.FORBIDDEN, WRONG_KEY);
    }
}
