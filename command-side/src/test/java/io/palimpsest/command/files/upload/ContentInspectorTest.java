package io.palimpsest.command.files.upload;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ContentInspectorTest {

    /** Signature (8), IHDR length and type (8), IHDR data (13): everything the header holds, no pixels. */
    private static final int PNG_SIGNATURE_AND_HEADER_DATA = 29;
    /** Signature, IHDR length and type, width: cut off before the height. */
    private static final int PNG_SIGNATURE_AND_WIDTH = 20;

    /** A 1 × 1 lossy WebP; no WebP writer ships with the JDK or TwelveMonkeys. */
    private static final String ONE_PIXEL_WEBP = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";

    @TempDir
    Path directory;

    private final ContentInspector inspector = new ContentInspector();

    @Nested
    class Images {

        @Test
        void readsSizeAndAlphaOfAPngWithTransparency() throws IOException {
            Path png = image("staged.part", 3, 2, BufferedImage.TYPE_INT_ARGB, "png");

            assertThat(inspector.inspect(png, "logo.png")).isEqualTo(new InspectedContent("image/png", 3, 2, true));
        }

        @Test
        void readsAnOpenFileAfterItsNameIsGone() throws IOException {
            Path png = image("staged.part", 3, 2, BufferedImage.TYPE_INT_ARGB, "png");

            // the blob store moves or deletes the staged file while the upload inspects it
            try (FileChannel opened = FileChannel.open(png, StandardOpenOption.READ)) {
                Files.delete(png);

                assertThat(inspector.inspect(opened, "logo.png")).isEqualTo(new InspectedContent("image/png", 3, 2, true));
                assertThat(inspector.inspect(opened, "logo.png")).as("again, from the first byte")
                        .isEqualTo(new InspectedContent("image/png", 3, 2, true));
                assertThat(opened.isOpen()).isTrue();
            }
        }

        @Test
        void readsSizeOfAJpegWithoutAlpha() throws IOException {
            Path jpeg = image("staged.part", 5, 4, BufferedImage.TYPE_INT_RGB, "jpg");

            assertThat(inspector.inspect(jpeg, "photo.jpg")).isEqualTo(new InspectedContent("image/jpeg", 5, 4, false));
        }

        @Test
        void readsSizeOfAGif() throws IOException {
            Path gif = image("staged.part", 7, 6, BufferedImage.TYPE_BYTE_INDEXED, "gif");

            InspectedContent inspected = inspector.inspect(gif, "animation.gif");

            assertThat(inspected).extracting(InspectedContent::mime, InspectedContent::width, InspectedContent::height)
                    .containsExactly("image/gif", 7, 6);
        }

        @Test
        void readsSizeOfAWebpThroughThePlugin() throws IOException {
            Path webp = write("staged.part", Base64.getDecoder().decode(ONE_PIXEL_WEBP));

            assertThat(inspector.inspect(webp, "pixel.webp")).isEqualTo(new InspectedContent("image/webp", 1, 1, false));
        }

        @Test
        void believesTheBytesOverTheFileName() throws IOException {
            Path png = image("staged.part", 3, 2, BufferedImage.TYPE_INT_ARGB, "png");

            assertThat(inspector.inspect(png, "disguised.jpg").mime()).isEqualTo("image/png");
        }

        @Test
        void reportsSvgWithoutReadingDimensions() throws IOException {
            Path svg = write("staged.part", """
                    <svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"><rect width="10" height="20"/></svg>
                    """.getBytes(StandardCharsets.UTF_8));

            assertThat(inspector.inspect(svg, "icon.svg")).isEqualTo(InspectedContent.withoutDimensions("image/svg+xml"));
        }
    }

    @Nested
    class DamagedImages {

        @Test
        void readsTheHeaderOfAPngWhosePixelsAreMissing() throws IOException {
            byte[] whole = Files.readAllBytes(image("whole.png", 3, 2, BufferedImage.TYPE_INT_ARGB, "png"));
            Path headerOnly = write("staged.part", Arrays.copyOf(whole, PNG_SIGNATURE_AND_HEADER_DATA));

            assertThat(inspector.inspect(headerOnly, "broken.png")).isEqualTo(new InspectedContent("image/png", 3, 2, true));
        }

        @Test
        void keepsTheTypeOfAPngCutOffInsideItsHeader() throws IOException {
            byte[] whole = Files.readAllBytes(image("whole.png", 3, 2, BufferedImage.TYPE_INT_ARGB, "png"));
            Path truncated = write("staged.part", Arrays.copyOf(whole, PNG_SIGNATURE_AND_WIDTH));

            assertThat(inspector.inspect(truncated, "broken.png")).isEqualTo(InspectedContent.withoutDimensions("image/png"));
        }

        @Test
        void keepsTheTypeOfAPngWhoseHeaderIsGarbage() throws IOException {
            byte[] garbage = new byte[256];
            new Random(7).nextBytes(garbage);
            byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            System.arraycopy(signature, 0, garbage, 0, signature.length);
            Path corrupt = write("staged.part", garbage);

            assertThat(inspector.inspect(corrupt, "corrupt.png")).isEqualTo(InspectedContent.withoutDimensions("image/png"));
        }
    }

    @Nested
    class OtherContent {

        @Test
        void reportsPlainTextWithoutDimensions() throws IOException {
            Path text = write("staged.part", "Scraped clean and written over.\n".getBytes(StandardCharsets.UTF_8));

            assertThat(inspector.inspect(text, "notes.txt")).isEqualTo(InspectedContent.withoutDimensions("text/plain"));
        }

        @Test
        void recognisesAPdfByItsHeader() throws IOException {
            Path pdf = write("staged.part", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThat(inspector.inspect(pdf, "document.pdf")).isEqualTo(InspectedContent.withoutDimensions("application/pdf"));
        }

        @Test
        void fallsBackToOctetStreamForUnrecognisedBytes() throws IOException {
            byte[] noise = new byte[512];
            new Random(42).nextBytes(noise);
            Path unknown = write("staged.part", noise);

            assertThat(inspector.inspect(unknown, "mystery")).isEqualTo(InspectedContent.withoutDimensions("application/octet-stream"));
        }

        @Test
        void fallsBackToOctetStreamWhenTheFileCannotBeRead() {
            Path missing = directory.resolve("vanished.part");

            assertThat(inspector.inspect(missing, null)).isEqualTo(InspectedContent.withoutDimensions("application/octet-stream"));
        }
    }

    private Path image(String name, int width, int height, int type, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        image.setRGB(0, 0, 0x80ff0000);
        Path file = directory.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).as("a %s writer is installed", format).isTrue();
        return file;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }
}
