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
                int read = readByteAt(file, position);
                position += read < 0 ? 0 : 1;
                return read;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = readAt(file, position, bytes, offset, length);
                position += Math.max(read, 0);
                return read;
            }
        };
    }

    /** The file as ImageIO reads it, seeking anywhere without buffering what it skips. */
    static ImageInputStream imageStream(FileChannel file) {
        return new ImageInputStreamImpl() {
            @Override
            public int read() throws IOException {
                checkClosed();
                bitOffset = 0;
                int read = readByteAt(file, streamPos);
                streamPos += read < 0 ? 0 : 1;
                return read;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                checkClosed();
                bitOffset = 0;
                int read = readAt(file, streamPos, bytes, offset, length);
                streamPos += Math.max(read, 0);
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

    /** Up to {@code length} bytes from {@code position}; -1 at the end of the file. */
    private static int readAt(FileChannel file, long position, byte[] bytes, int offset, int length)
            throws IOException {
        return length == 0 ? 0 : file.read(ByteBuffer.wrap(bytes, offset, length), position);
    }

    /** The byte at {@code position} (0 to 255), or -1 at the end of the file. */
    private static int readByteAt(FileChannel file, long position) throws IOException {
        byte[] one = new byte[1];
        return readAt(file, position, one, 0, 1) < 1 ? -1 : one[0] & 0xff;
    }
}
