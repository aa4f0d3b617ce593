package vn.motcua.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.rest.cache.Cache;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.caseDefinition.HalCaseDefinition;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Caches of what Tasklist's task lists embed: the assignee and owner of each task and its process definition.
 *
 * <p>Every page of a filter (POST /filter/{id}/list as HAL) asked the engine again for the users assigned to the
 * page's tasks and for their process definitions, two queries with their authorization checks on every click. Camunda
 * has caches for them, switched on by a servlet context parameter that the Spring Boot starter never reads; this turns
 * them on. A cached resource is only ever embedded in a list whose tasks the caller may read (the task query decides),
 * so it shows nothing the caller could not see: the names of the officials their commune's tasks are assigned to, and
 * the diagrams those tasks belong to.
 *
 * <p>A process definition never changes under its id: kept an hour. A user's name can change: an official renamed in
 * the admin shows under the old name in task lists for at most {@link #USER_SECONDS} seconds.
 */
@Component
class TasklistLinkCaches implements DisposableBean {

    static final long USER_SECONDS = 60;
    static final long DEFINITION_SECONDS = 3600;

    TasklistLinkCaches() {
        // a province: about 3,000 officials, a few hundred deployed definitions
        Hal.getInstance().registerHalRelationCache(HalUser.class, cache(5_000, USER_SECONDS));
        Hal.getInstance().registerHalRelationCache(HalProcessDefinition.class, cache(2_000, DEFINITION_SECONDS));
        Hal.getInstance().registerHalRelationCache(HalCaseDefinition.class, cache(100, DEFINITION_SECONDS));
    }

    private static Cache cache(int capacity, long secondsToLive) {
        return new Expiring(capacity, secondsToLive * 1_000_000_000L, System::nanoTime);
    }

    /**
     * Camunda's own {@code DefaultHalResourceCache} is a plain {@code HashMap} that request threads would write at
     * once, and it reads the engine's clock, which tests move by days. This one is safe under concurrent requests and
     * counts its time to live on the JVM's monotonic clock. Over capacity it starts empty again: a province's officials
     * and definitions fit, so that only happens if something is very wrong, and then it costs one query per link.
     */
    static final class Expiring implements Cache {
        private record Entry(Object resource, long bornAt) {
        }

        private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
        private final int capacity;
        private final long nanosToLive;
        private final LongSupplier nanos;

        Expiring(int capacity, long nanosToLive, LongSupplier nanos) {
            this.capacity = capacity;
            this.nanosToLive = nanosToLive;
            this.nanos = nanos;
        }

        @Override
        public void put(String id, Object resource) {
            if (entries.size() >= capacity) {
                entries.clear();
            }
            entries.put(id, new Entry(resource, nanos.getAsLong()));
        }

        @Override
        public Object get(String id) {
            Entry entry = entries.get(id);
            if (entry == null) {
                return null;
            }
            if (nanos.getAsLong() - entry.bornAt() > nanosToLive) {
                entries.remove(id, entry);
                return null;
            }
            return entry.resource();
        }

        @Override
        public void destroy() {
            entries.clear();
        }

        int size() {
            return entries.size();
        }
    }

    @Override
    public void destroy() {
        Hal.getInstance().destroyHalRelationCaches();
    }
}
