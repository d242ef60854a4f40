package io.palimpsest.platform.web;

import java.util.Objects;

/**
 * Builds the delivery URLs that API responses carry ({@code url}, {@code thumbnail}), from the public
 * URL endpoint ({@code palimpsest.url-endpoint}) under which this deployment serves files.
 */
public record DeliveryUrls(String endpoint) {

    /** ImageKit's named transformation for media-library thumbnails. */
    public static final String THUMBNAIL_TRANSFORMATION = "n-ik_ml_thumbnail";

    public DeliveryUrls {
        Objects.requireNonNull(endpoint, "endpoint");
        endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    public String url(String filePath) {
        return endpoint + filePath;
    }

    public String thumbnail(String filePath) {
        return endpoint + "/tr:" + THUMBNAIL_TRANSFORMATION + filePath;
    }
}
