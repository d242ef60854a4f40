package io.palimpsest.command.files.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.blobs.StagedFile;
import io.palimpsest.blobs.Staging;
import io.palimpsest.command.metadata.CustomMetadataValidator;
import io.palimpsest.platform.security.ApiKeys;
import io.palimpsest.platform.security.BasicCredentials;
import io.palimpsest.platform.security.ManagementApiAuthentication;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.platform.web.DeliveryUrls;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/files/upload}. A wrong private key is refused before the body is read; the
 * body streams to staging; everything after that (signature check, validation, storing, the
 * command) blocks, so it runs on the bounded elastic scheduler, never on the event loop.
 */
@RestController
class UploadController {

    private final ApiKeys keys;
    private final UploadFormReader reader;
    private final UploadFormParser parser;
    private final FileFieldResolver fileField;
    private final ClientUploadAuthentication clientUploads;
    private final UploadService uploads;
    private final Staging staging;
    private final DeliveryUrls urls;
    private final CustomMetadataValidator customMetadata;

    UploadController(ApiKeys keys, UploadFormReader reader, ObjectMapper json, FileFieldResolver fileField,
                     ClientUploadAuthentication clientUploads, UploadService uploads, Staging staging,
                     DeliveryUrls urls, CustomMetadataValidator customMetadata) {
        this.keys = keys;
        this.reader = reader;
        this.parser = new UploadFormParser(json);
        this.fileField = fileField;
        this.clientUploads = clientUploads;
        this.uploads = uploads;
        this.staging = staging;
        this.urls = urls;
        this.customMetadata = customMetadata;
    }

    @PostMapping(path = "/api/v1/files/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> upload(@RequestHeader HttpHeaders headers, @RequestBody Flux<PartEvent> parts) {
        Optional<String> basicUser = BasicCredentials.userName(headers);
        if (basicUser.isPresent() && !keys.isPrivateKey(basicUser.get())) {
            return Mono.error(new ApiError(HttpStatus.FORBIDDEN, ManagementApiAuthentication.WRONG_KEY));
        }
        return reader.read(parts)
                .publishOn(Schedulers.boundedElastic())
                .map(form -> handle(form, basicUser.isPresent()));
    }

    private Map<String, Object> handle(UploadForm form, boolean basicAuthenticated) {
        StagedFile staged = form.stagedFile();
        try {
            if (!basicAuthenticated) {
                clientUploads.authenticate(form);
            } else if (ClientUploadAuthentication.carriesSignature(form)) {
                throw ApiError.badRequest("Your request contains both a private API key and a client-side "
                        + "signature. Send only one of them.");
            }
            UploadRequest request = parser.parse(form);
            if (request.customMetadata() != null) {
                customMetadata.validate(request.customMetadata());
            }
            if (staged == null) {
                String text = form.field("file");
                if (text == null || text.isBlank()) {
                    throw ApiError.badRequest("Missing file parameter for upload.");
                }
                staged = fileField.stage(text);
            }
            return UploadResponse.of(uploads.upload(request, staged), request.responseFields(),
                    request.extensions(), urls);
        } finally {
            if (staged != null) {
                staging.discard(staged);
            }
        }
    }
}
