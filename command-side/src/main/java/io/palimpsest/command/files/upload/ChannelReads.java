package io.palimpsest.command.files.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * Reads of an open file at positions of their own, which never close the file: the inspector reads a
 * staged upload through the channel it was handed while the blob store may already be renaming or
 * deleting the file by its name (on POSIX an open file stays readable after either).
 */
final class ChannelReads {

    private ChannelReads() {
    }

    /** The file from its first byte, as a stream whose {@code close} leaves the channel open. */
    static InputStream stream(FileChannel file) {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                int read = file.read(ByteBuffer.wrap(bytes, offset, length), position);
                if (read > 0) {
                    position += read;
                }
                return read;
            }
        };
    }

    /** The file as ImageIO reads it, seeking anywhere without buffering what it skips. */
    static ImageInputStream imageStream(FileChannel file) {
        return new ImageInputStreamImpl() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                checkClosed();
                bitOffset = 0;
                if (length == 0) {
                    return 0;
                }
                int read = file.read(ByteBuffer.wrap(bytes, offset, length), streamPos);
                if (read > 0) {
                    streamPos += read;
                }
                return read;
            }

            @Override
            public long length() {
                try {
                    return file.size();
                } catch (IOException e) {
                    return -1;
                }
            }
        };
    }
}
