package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TasklistLinkCachesTest {

    @Test
    void anEntryLivesItsTimeThenIsAskedForAgain() {
        AtomicLong now = new AtomicLong(0);
        TasklistLinkCaches.Expiring cache = new TasklistLinkCaches.Expiring(10, 60, now::get);
        cache.put("tan-giang.vp.head", "Trưởng phòng");
        now.set(60);
        assertThat(cache.get("tan-giang.vp.head")).isEqualTo("Trưởng phòng");
        now.set(61);
        assertThat(cache.get("tan-giang.vp.head")).as("expired: the caller queries the engine again").isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void overCapacityItStartsEmptyAgain() {
        AtomicLong now = new AtomicLong(0);
        TasklistLinkCaches.Expiring cache = new TasklistLinkCaches.Expiring(3, 60, now::get);
        for (int i = 0; i < 3; i++) {
            cache.put("u" + i, i);
        }
        assertThat(cache.size()).isEqualTo(3);
        cache.put("u3", 3);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("u3")).isEqualTo(3);
        assertThat(cache.get("u0")).isNull();
        cache.destroy();
        assertThat(cache.get("u3")).isNull();
    }
}
