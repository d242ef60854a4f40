package io.palimpsest.platform.eventstore;

import java.time.Duration;

/**
 * How long the event-store tail lets new events gather before it wakes the processors. Each wake-up
 * costs every projection a batch (a read-model write, a token update), whatever the batch holds, so
 * under heavy writes the tail gathers longer; when writes are sparse it gathers for the shortest time,
 * which is then all the delay adds to the projections' lag.
 *
 * <p>The delay doubles after a gathering that took in {@link #CROWDED} events or more (up to the
 * longest delay), and halves after one that took in fewer than {@link #SPARSE} (down to the shortest).
 * Between the two it holds, so it does not swing with every batch. At 20 events a second a 20 ms
 * gathering takes in one event and the delay stays 20 ms; at 400 a second it grows to the longest.
 * The halving threshold must lie well above one event: after a burst (a replay, a bulk load) has grown
 * the delay, an 80 ms gathering at 20 events a second takes in two events, and a delay that halved
 * only after a single one would stay at 80 ms, quadrupling the lag a steady trickle of writes sees.
 */
final class GatheringDelay {

    static final int CROWDED = 8;
    static final int SPARSE = CROWDED / 2;

    private final long shortestMillis;
    private final long longestMillis;
    private long currentMillis;

    GatheringDelay(Duration shortest, Duration longest) {
        if (shortest.isNegative() || longest.compareTo(shortest) < 0) {
            throw new IllegalArgumentException("need 0 <= shortest <= longest, got " + shortest + " and " + longest);
        }
        this.shortestMillis = shortest.toMillis();
        this.longestMillis = longest.toMillis();
        this.currentMillis = shortestMillis;
    }

    /** How long the next gathering lasts. */
    long millis() {
        return currentMillis;
    }

    /** Adjusts the delay to the number of events the last gathering took in. */
    void gathered(int events) {
        if (events >= CROWDED) {
            currentMillis = Math.min(longestMillis, Math.max(1, currentMillis * 2));
        } else if (events < SPARSE) {
            currentMillis = Math.max(shortestMillis, currentMillis / 2);
        }
    }
}
