package io.siyu.demo;

import io.siyu.event.EventBulkLoad;
import io.siyu.event.EventRecord;
import io.siyu.event.EventType;
import io.siyu.shared.TenantId;
import io.siyu.wecom.WeComDemo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo's WeCom relations: about seven in ten customers added a staff member at some time in the year, and about
 * one in eight of those later deleted them. Told twice, as they would be with a connected app: as {@code wecom_add}
 * and {@code wecom_loss} events (adds, assets, cohorts, losses) and as WeCom's follow relations, each through the
 * live code of the customer's source channel (the store poster's through a store's code), so that the GMV
 * decomposition and the staff table count the same people.
 */
@Component
class DemoRelations {

    static final double ADDED = 0.72;
    static final double LOST = 0.12;
    static final int STAFF = 12;
    /** The store poster's codes are per store; the flagship is online and has none. */
    private static final int STORE_POSTER = 0;

    /** What was loaded: the WeCom app the relations belong to, and the relations. */
    /** @param userIds the staff members' WeCom user ids, by the relations' staff index */
    record Loaded(long app, List<WeComDemo.Relation> relations, String[] userIds) {}

    private final EventBulkLoad events;
    private final WeComDemo wecom;

    DemoRelations(EventBulkLoad events, WeComDemo wecom) {
        this.events = events;
        this.wecom = wecom;
    }

    /** The events only (the benchmarks' data set). */
    void loadEvents(TenantId tenant, StandardDataSet data) {
        events(tenant, data, null, null);
    }

    /** {@code owners} as the customers were loaded with (their source channels depend on it); staff are (id, name). */
    Loaded load(TenantId tenant, StandardDataSet data, List<Long> owners, List<String[]> staff) {
        var relations = new ArrayList<WeComDemo.Relation>();
        events(tenant, data, sourceChannels(data, owners), relations);
        long app = wecom.load(staff.subList(0, STAFF), codes(), relations, data.end());
        return new Loaded(
                app, relations, staff.subList(0, STAFF).stream().map(s -> s[0]).toArray(String[]::new));
    }

    /** The events; with {@code relations}, the relations too, each through the code of its customer's channel. */
    private void events(
            TenantId tenant,
            StandardDataSet data,
            byte @Nullable [] channels,
            @Nullable List<WeComDemo.Relation> relations) {
        var random = new SplittableRandom(data.seed() * 31 + 7);
        var stores = new SplittableRandom(data.seed() * 31 + 11);
        long year = 365L * 24 * 3600;
        events.load(tenant, sink -> {
            for (long customer = 1; customer <= data.customers(); customer++) {
                if (random.nextDouble() >= ADDED) {
                    continue;
                }
                int member = random.nextInt(STAFF);
                var staffId = "{\"staffId\": \"staff%02d\"}".formatted(1 + member);
                // more adds lately than a year ago: a growing base
                double u = random.nextDouble();
                long age = (long) (year * Math.pow(u, 1.15));
                var added = data.end().minusSeconds(age + 60);
                sink.accept(new EventRecord(customer, EventType.WECOM_ADD, added, "demo-add-" + customer, staffId));
                java.time.@Nullable Instant lost = null;
                if (random.nextDouble() < LOST) {
                    lost = added.plusSeconds(1 + random.nextLong(Math.max(1, age)));
                    sink.accept(
                            new EventRecord(customer, EventType.WECOM_LOSS, lost, "demo-loss-" + customer, staffId));
                }
                if (channels == null || relations == null) {
                    continue;
                }
                int channel = channels[(int) (customer - 1)];
                int code = channel == STORE_POSTER
                        ? StandardDataSet.SOURCE_CHANNELS.length + stores.nextInt(DemoCommerce.STORES.length - 1)
                        : channel;
                relations.add(new WeComDemo.Relation(customer, member, code, added, lost));
            }
        });
    }

    /** A code per source channel, then the store poster's code per store (made from the store poster's). */
    static List<WeComDemo.Code> codes() {
        var codes = new ArrayList<WeComDemo.Code>();
        Arrays.stream(StandardDataSet.SOURCE_CHANNELS).forEach(name -> codes.add(new WeComDemo.Code(name, null, -1)));
        for (int s = 0; s < DemoCommerce.STORES.length - 1; s++) {
            var store = DemoCommerce.STORES[s];
            codes.add(new WeComDemo.Code(
                    StandardDataSet.SOURCE_CHANNELS[STORE_POSTER] + "·" + store, store, STORE_POSTER));
        }
        return codes;
    }

    /** Each customer's source channel (an index of {@link StandardDataSet#SOURCE_CHANNELS}), as loaded. */
    private static byte[] sourceChannels(StandardDataSet data, List<Long> owners) {
        var channels = new byte[Math.toIntExact(data.customers())];
        var names = Arrays.asList(StandardDataSet.SOURCE_CHANNELS);
        for (long chunk = 0; chunk < data.customerChunks(); chunk++) {
            data.customers(chunk, owners, customer -> {
                channels[(int) (customer.number() - 1)] = (byte) names.indexOf(customer.sourceChannel());
            });
        }
        return channels;
    }
}
