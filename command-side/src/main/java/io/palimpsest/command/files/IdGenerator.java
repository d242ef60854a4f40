package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Makes ids at the edge, in ImageKit's shape (a MongoDB ObjectId): 4 bytes of epoch seconds, so ids
 * sort roughly by creation, then 8 random bytes, so nodes never coordinate and ids are unguessable.
 */
@Component
public class IdGenerator {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    public FileId newFileId() {
        return new FileId(next());
    }

    public VersionId newVersionId() {
        return new VersionId(next());
    }

    /** Ids of other aggregates (folder jobs), in the same shape as ImageKit's. */
    public String newId() {
        return next();
    }

    private String next() {
        byte[] id = new byte[12];
        long seconds = clock.instant().getEpochSecond();
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        byte[] tail = new byte[8];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, id, 4, 8);
        return HexFormat.of().formatHex(id);
    }
}
