package io.palimpsest.command.metadata;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Makes field ids at the edge in ImageKit's shape (a MongoDB ObjectId), as the file ids are made: 4
 * bytes of epoch seconds, so ids sort by creation, then 8 random bytes, so nodes never coordinate.
 */
@Component
class FieldIdGenerator {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    FieldIdGenerator(Clock clock) {
        this.clock = clock;
    }

    CustomMetadataFieldId next() {
        byte[] id = new byte[12];
        long seconds = clock.instant().getEpochSecond();
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        byte[] tail = new byte[8];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, id, 4, 8);
        return new CustomMetadataFieldId(HexFormat.of().formatHex(id));
    }
}
