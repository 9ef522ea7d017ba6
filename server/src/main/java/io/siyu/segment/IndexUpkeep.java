package io.siyu.segment;

import io.siyu.customer.CustomerObserver;
import io.siyu.event.EventObserver;
import io.siyu.shared.TenantId;
import io.siyu.tagging.TagCounter;
import io.siyu.tagging.TagObserver;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Feeds committed changes into the segment index, and builds every tenant's index once the application is up. */
@Component
class IndexUpkeep implements EventObserver, CustomerObserver, TagObserver, TagCounter {

    private static final Logger log = LoggerFactory.getLogger(IndexUpkeep.class);

    private final SegmentEngine engine;

    IndexUpkeep(SegmentEngine engine) {
        this.engine = engine;
    }

    @Override
    public void eventsAdded(TenantId tenant, long[] customers, int[] types, Instant[] times) {
        engine.eventsAdded(tenant, customers, types, times);
    }

    @Override
    public void customersChanged(TenantId tenant, Set<Long> ids, boolean merged) {
        engine.customersChanged(tenant, ids, merged);
    }

    @Override
    public void tagsChanged(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed) {
        engine.tagsChanged(tenant, added, removed);
    }

    @Override
    public Map<Integer, Long> counts() {
        return engine.tagCounts();
    }

    /** Rebuild on start, in the background: the first segment question then need not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void buildOnStart() {
        Thread.ofVirtual().name("segment-index-build").start(() -> {
            try {
                engine.buildAll();
            } catch (RuntimeException e) {
                log.error("building the segment indexes at start failed; they are built on first use", e);
            }
        });
    }
}
