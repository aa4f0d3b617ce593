package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompactIdsTest {

    @Test
    void anIdIsTwentyCharactersOfDigitsAndLetters() {
        String id = new CompactIds().getNextId();
        assertThat(id).hasSize(CompactIds.LENGTH).matches("[0-9A-Za-z]{20}");
    }

    @Test
    void idsSortByTheMillisecondTheyWereMadeInThenByTheirSequence() {
        AtomicLong now = new AtomicLong(1_764_806_400_000L); // 2025-12-04
        CompactIds ids = new CompactIds(now::get, Long.MAX_VALUE - 2);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            made.add(ids.getNextId()); // the sequence passes 2^63: still counting up, unsigned
            made.add(ids.getNextId());
            now.addAndGet(i == 3 ? 1_000L * 3600 * 24 * 365 * 40 : 1);
        }
        assertThat(made).doesNotHaveDuplicates().isSorted();
        assertThat(made.get(0)).as("the year 2025 in 9 characters, then the sequence").startsWith("0");
        assertThat(new CompactIds(() -> (1L << 48) - 1, -1L).getNextId())
                .as("the largest time and sequence still fit 20 characters").hasSize(20);
        assertThat(new CompactIds(() -> 0L, 0L).getNextId()).isEqualTo("00000000000000000000");
    }

    @Test
    void aClockSetBackRepeatsAMillisecondButNeverAnId() {
        AtomicLong now = new AtomicLong(1_764_806_400_000L);
        CompactIds ids = new CompactIds(now::get, 42L);
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(made.add(ids.getNextId())).isTrue();
            if (i % 100 == 99) {
                now.addAndGet(-5); // NTP steps the clock back
            }
        }
    }

    @Test
    void threadsOfOneEngineNeverShareAnId() throws Exception {
        CompactIds ids = new CompactIds();
        Set<String> made = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    int added = 0;
                    for (int i = 0; i < 50_000; i++) {
                        if (made.add(ids.getNextId())) {
                            added++;
                        }
                    }
                    return added;
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(50_000);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasSize(400_000);
    }

    @Test
    void twoEnginesStartTheirSequencesApart() {
        // two nodes, or one node restarted: each generator draws its own start
        Set<String> sequences = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            sequences.add(new CompactIds().getNextId().substring(9));
        }
        assertThat(sequences).as("1,000 generators, 1,000 different first sequence values").hasSize(1_000);
    }
}
