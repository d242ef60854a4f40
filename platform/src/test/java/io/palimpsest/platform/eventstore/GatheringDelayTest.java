package io.palimpsest.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatheringDelayTest {

    private final GatheringDelay delay = new GatheringDelay(Duration.ofMillis(20), Duration.ofMillis(80));

    @Test
    void staysShortestWhileEachGatheringTakesInOneEvent() {
        for (int i = 0; i < 10; i++) {
            delay.gathered(1);
        }

        assertThat(delay.millis()).isEqualTo(20);
    }

    @Test
    void doublesAfterCrowdedGatheringsUpToTheLongest() {
        delay.gathered(GatheringDelay.CROWDED);
        assertThat(delay.millis()).isEqualTo(40);
        delay.gathered(GatheringDelay.CROWDED * 3);
        assertThat(delay.millis()).isEqualTo(80);
        delay.gathered(GatheringDelay.CROWDED * 10);
        assertThat(delay.millis()).isEqualTo(80);
    }

    @Test
    void holdsBetweenSparseAndCrowded() {
        delay.gathered(GatheringDelay.CROWDED);
        delay.gathered(GatheringDelay.CROWDED - 1);
        delay.gathered(GatheringDelay.SPARSE);

        assertThat(delay.millis()).isEqualTo(40);
    }

    /** What a steady 20 events a second does after a burst grew the delay: 2 events per 80 ms gathering. */
    @Test
    void comesBackFromTheLongestUnderATrickleOfWrites() {
        for (int i = 0; i < 5; i++) {
            delay.gathered(GatheringDelay.CROWDED * 10);
        }
        assertThat(delay.millis()).isEqualTo(80);

        delay.gathered(2);
        delay.gathered(1);

        assertThat(delay.millis()).isEqualTo(20);
    }

    @Test
    void halvesBackToTheShortestWhenWritesThinOut() {
        delay.gathered(GatheringDelay.CROWDED);
        delay.gathered(GatheringDelay.CROWDED);
        delay.gathered(1);
        assertThat(delay.millis()).isEqualTo(40);
        delay.gathered(1);
        delay.gathered(1);
        assertThat(delay.millis()).isEqualTo(20);
    }

    @Test
    void growsFromAZeroShortestDelay() {
        GatheringDelay fromZero = new GatheringDelay(Duration.ZERO, Duration.ofMillis(8));

        fromZero.gathered(GatheringDelay.CROWDED);
        fromZero.gathered(GatheringDelay.CROWDED);

        assertThat(fromZero.millis()).isEqualTo(2);
    }

    @Test
    void refusesALongestDelayBelowTheShortest() {
        assertThatThrownBy(() -> new GatheringDelay(Duration.ofMillis(20), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
