package io.palimpsest.command.files.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tuning of {@code POST /api/v1/files/upload} ({@code palimpsest.upload.*}).
 *
 * @param maxFileSize      largest accepted file; bigger uploads are refused with a 400 while streaming
 * @param allowPrivateUrls whether URL uploads may fetch from loopback, private or link-local
 *                         addresses (off: a URL upload must not become a way into the private network)
 * @param urlTimeout       how long a URL upload waits for the remote server's response headers
 */
@ConfigurationProperties(prefix = "palimpsest.upload")
public record UploadProperties(
        @DefaultValue("2GB") DataSize maxFileSize,
        @DefaultValue("false") boolean allowPrivateUrls,
        @DefaultValue("8s") Duration urlTimeout) {
}
