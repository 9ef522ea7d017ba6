package io.siyu.demo;

import io.siyu.event.EventBulkLoad;
import io.siyu.event.EventRecord;
import io.siyu.event.EventType;
import io.siyu.shared.TenantId;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;

/**
 * The demo's WeCom relations as events: about seven in ten customers added a staff member at some time in the year,
 * and about one in eight of those later deleted them, so that the analytics (adds, assets, cohorts, losses) have
 * something to show without a connected WeCom app.
 */
@Component
class DemoRelations {

    static final double ADDED = 0.72;
    static final double LOST = 0.12;
    static final int STAFF = 12;

    private final EventBulkLoad events;

    DemoRelations(EventBulkLoad events) {
        this.events = events;
    }

    long load(TenantId tenant, StandardDataSet data) {
        var random = new SplittableRandom(data.seed() * 31 + 7);
        long year = 365L * 24 * 3600;
        return events.load(tenant, sink -> {
            for (long customer = 1; customer <= data.customers(); customer++) {
                if (random.nextDouble() >= ADDED) {
                    continue;
                }
                var staff = "{\"staffId\": \"staff%02d\"}".formatted(1 + random.nextInt(STAFF));
                // more adds lately than a year ago: a growing base
                double u = random.nextDouble();
                long age = (long) (year * Math.pow(u, 1.15));
                var added = data.end().minusSeconds(age + 60);
                sink.accept(new EventRecord(customer, EventType.WECOM_ADD, added, "demo-add-" + customer, staff));
                if (random.nextDouble() < LOST) {
                    var lost = added.plusSeconds(1 + random.nextLong(Math.max(1, age)));
                    sink.accept(new EventRecord(customer, EventType.WECOM_LOSS, lost, "demo-loss-" + customer, staff));
                }
            }
        });
    }
}
