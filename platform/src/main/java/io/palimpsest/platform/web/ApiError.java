package io.palimpsest.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error answered in ImageKit's shape: {@code {"message", "help", "reason"?, ...extras}}. Throw it
 * from a handler; {@link ApiExceptionHandler} writes it. No stack trace: it is a normal outcome.
 */
public class ApiError extends RuntimeException {

    public static final String HELP = "For support kindly contact us at support@imagekit.io .";

    private final HttpStatus status;
    private final String reason;
    private final Map<String, Object> extras;

    public ApiError(HttpStatus status, String message) {
        this(status, message, null, Map.of());
    }

    public ApiError(HttpStatus status, String message, String reason) {
        this(status, message, reason, Map.of());
    }

    public ApiError(HttpStatus status, String message, String reason, Map<String, Object> extras) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.extras = Map.copyOf(extras);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiError badRequest(String message, String reason) {
        return new ApiError(HttpStatus.BAD_REQUEST, message, reason);
    }

    public static ApiError notFound(String message) {
        return new ApiError(HttpStatus.NOT_FOUND, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", getMessage());
        body.put("help", HELP);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.putAll(extras);
        return body;
    }
}
