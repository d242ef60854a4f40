package io.palimpsest.command.files.upload;

import io.palimpsest.blobs.StagedFile;
import io.palimpsest.blobs.Staging;
import io.palimpsest.platform.web.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Fetches the bytes of a URL upload. Redirects are followed by hand so that every hop is checked:
 * unless {@code palimpsest.upload.allow-private-urls} is set, no hop may point at a loopback, private,
 * link-local or otherwise internal address, so an upload cannot be used to probe the private network.
 */
@Component
class UrlFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final UploadProperties properties;
    private final HttpClient client;

    UrlFetcher(UploadProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.urlTimeout())
                .build();
    }

    StagedFile fetch(String url, Staging staging, long maxBytes) {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requireAllowed(uri);
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                closeQuietly(response.body());
                uri = uri.resolve(response.headers().firstValue("location").get());
                continue;
            }
            if (status < 200 || status >= 300) {
                closeQuietly(response.body());
                throw ApiError.badRequest("The file could not be fetched from the URL: it answered with HTTP status "
                        + status + ".");
            }
            try (InputStream body = response.body()) {
                return staging.stage(body, maxBytes);
            } catch (IOException e) {
                throw ApiError.badRequest("The file could not be fetched from the URL: " + e.getMessage());
            }
        }
        throw ApiError.badRequest("The file could not be fetched from the URL: too many redirects.");
    }

    private HttpResponse<InputStream> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(properties.urlTimeout()).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw ApiError.badRequest("The file could not be fetched from the URL: no response within "
                    + properties.urlTimeout().toSeconds() + " seconds.");
        } catch (IOException e) {
            throw ApiError.badRequest("The file could not be fetched from the URL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.badRequest("The file could not be fetched from the URL: interrupted.");
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Your request contains invalid value for file parameter: not a valid URL.");
        }
    }

    private void requireAllowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiError.badRequest("Your request contains invalid value for file parameter: only http and https "
                    + "URLs can be fetched.");
        }
        if (properties.allowPrivateUrls()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    throw ApiError.badRequest("Your request contains invalid value for file parameter: the URL points "
                            + "at a private or loopback address, which this server does not fetch from.");
                }
            }
        } catch (UnknownHostException e) {
            throw ApiError.badRequest("The file could not be fetched from the URL: unknown host " + uri.getHost() + ".");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19));             // benchmarking nets
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to recover: the body was not wanted
        }
    }
}
