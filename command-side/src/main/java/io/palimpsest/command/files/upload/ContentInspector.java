package io.palimpsest.command.files.upload;

import org.apache.tika.Tika;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds the MIME type of an upload from its bytes, and for raster images their size and whether they
 * have an alpha channel, by reading only the image header: a 20,000 × 20,000 upload costs a few
 * kilobytes of reading, not 1.6 GB of pixels.
 *
 * <p>The client's file name is only a hint: the bytes decide, and the name settles what they leave
 * open (a CSV is plain text to a magic-number detector). Inspection never fails an upload; whatever
 * it cannot make out is reported as unknown.
 */
@Component
public class ContentInspector {

    static final String UNKNOWN_MIME = MediaType.OCTET_STREAM.toString();
    private static final String SVG_MIME = "image/svg+xml";
    private static final AtomicBoolean PLUGINS_SCANNED = new AtomicBoolean();

    private final Detector detector = new Tika().getDetector();

    public ContentInspector() {
        // ImageIO finds plugin readers (WebP) through the context class loader of whichever thread
        // used it first; inside a Boot jar that loader may not see the application's libraries.
        if (PLUGINS_SCANNED.compareAndSet(false, true)) {
            ImageIO.scanForPlugins();
        }
    }

    public InspectedContent inspect(Path file, String fileNameHint) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return inspect(channel, fileNameHint);
        } catch (IOException e) {
            return InspectedContent.withoutDimensions(UNKNOWN_MIME);
        }
    }

    /**
     * Inspects an open file from its first byte, reading at positions of its own and leaving the channel
     * open, so the file may be renamed or deleted meanwhile.
     */
    public InspectedContent inspect(FileChannel file, String fileNameHint) {
        String mime = detectMime(file, fileNameHint);
        if (!mime.startsWith("image/") || mime.equals(SVG_MIME)) {
            return InspectedContent.withoutDimensions(mime);
        }
        return readImageHeader(file, mime);
    }

    private String detectMime(FileChannel file, String fileNameHint) {
        Metadata metadata = new Metadata();
        if (fileNameHint != null && !fileNameHint.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileNameHint);
        }
        // A stream rather than a path: given a path, Tika would take the staged file's own name
        // (upload-….part) as the hint.
        try (InputStream in = TikaInputStream.get(ChannelReads.stream(file))) {
            return detector.detect(in, metadata).getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            return UNKNOWN_MIME;
        }
    }

    private static InspectedContent readImageHeader(FileChannel file, String mime) {
        try (ImageInputStream in = ChannelReads.imageStream(file)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    in.seek(0);
                    reader.setInput(in, true, true);
                    return new InspectedContent(mime, reader.getWidth(0), reader.getHeight(0), hasAlpha(reader));
                } catch (IOException | RuntimeException e) {
                    // A corrupt header, or a reader that claimed the format and could not read it:
                    // let the next reader try.
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable as an image: the detected type still stands.
        }
        return InspectedContent.withoutDimensions(mime);
    }

    /** Unknown rather than a guess when the reader cannot describe the pixels without decoding them. */
    private static Boolean hasAlpha(ImageReader reader) {
        try {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type == null) {
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                type = types.hasNext() ? types.next() : null;
            }
            return type == null ? null : type.getColorModel().hasAlpha();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
