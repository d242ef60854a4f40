package io.palimpsest.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where every failure of a request becomes a response: always JSON in ImageKit's error
 * shape, never Spring's default body, and a 500 only for what nobody anticipated (logged in full).
 */
public class ApiExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final List<ApiErrorTranslator> translators;
    private final ObjectMapper objectMapper;

    public ApiExceptionHandler(List<ApiErrorTranslator> translators, ObjectMapper objectMapper) {
        this.translators = translators;
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ApiError apiError = toApiError(error);
        if (apiError.status().is5xxServerError()) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        }
        return write(response, apiError);
    }

    ApiError toApiError(Throwable error) {
        if (error instanceof ApiError apiError) {
            return apiError;
        }
        for (ApiErrorTranslator translator : translators) {
            Optional<ApiError> translated = translator.translate(error);
            if (translated.isPresent()) {
                return translated.get();
            }
        }
        if (error instanceof ServerWebInputException input) {
            return ApiError.badRequest(inputMessage(input));
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            code = code == null ? HttpStatus.INTERNAL_SERVER_ERROR : code;
            return new ApiError(code, status.getReason() != null ? status.getReason() : code.getReasonPhrase());
        }
        if (error instanceof DecodingException) {
            return ApiError.badRequest("Your request body could not be parsed.");
        }
        return new ApiError(HttpStatus.INTERNAL_SERVER_ERROR,
                "We have experienced an internal error while processing your request.");
    }

    private static String inputMessage(ServerWebInputException input) {
        for (Throwable cause = input; cause != null; cause = cause.getCause()) {
            if (cause instanceof DecodingException
                    || cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return "Your request body could not be parsed.";
            }
        }
        return input.getReason() != null ? input.getReason() : "Your request contains invalid parameters.";
    }

    private Mono<Void> write(ServerHttpResponse response, ApiError error) {
        response.setStatusCode(error.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (error.status() == HttpStatus.CONFLICT || error.status().is5xxServerError()) {
            // the ImageKit SDK retries 409 and 5xx by default; a conflict or a failed write is not
            // something a blind retry fixes
            response.getHeaders().set("x-should-retry", "false");
        }
        byte[] bytes;
        try {
            bytes = objectMapper.writeValueAsBytes(error.body());
        } catch (Exception e) {
            bytes = ("{\"message\":\"" + error.status().getReasonPhrase() + "\",\"help\":\"\"}").getBytes();
        }
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
