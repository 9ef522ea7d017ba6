package io.siyu.demo;

import io.siyu.commerce.Order;
import io.siyu.commerce.OrderBulkLoad;
import io.siyu.commerce.OrderBulkLoad.BulkOrder;
import io.siyu.commerce.Products;
import io.siyu.shared.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo's shop: a small skincare assortment with every product role of seed 001, and a year of paid
 * orders from about a quarter of the customers, so that totals, timelines and order pages have real data.
 */
@Component
class DemoCommerce {

    /** sku, name, role, category, price. */
    private static final String[][] PRODUCTS = {
        {"TRIAL-01", "水润精华体验装 5ml", "lead", "护肤", "9.90"},
        {"TRIAL-02", "洁面小样三件套", "lead", "护肤", "19.90"},
        {"TRIAL-03", "口红迷你装", "lead", "彩妆", "29.00"},
        {"HERO-01", "玻尿酸修护精华 30ml", "hero", "护肤", "299.00"},
        {"HERO-02", "氨基酸洁面乳", "hero", "护肤", "89.00"},
        {"HERO-03", "丝绒哑光口红", "hero", "彩妆", "169.00"},
        {"HERO-04", "清透防晒乳 SPF50", "hero", "护肤", "139.00"},
        {"PERS-01", "敏感肌舒缓面霜", "personalised", "护肤", "259.00"},
        {"PERS-02", "控油祛痘精华", "personalised", "护肤", "219.00"},
        {"PERS-03", "定制香氛礼盒", "personalised", "香氛", "399.00"},
        {"PERS-04", "头皮护理套装", "personalised", "个护", "189.00"},
        {"PREM-01", "臻颜紧致面霜 50g", "premium", "护肤", "1280.00"},
        {"PREM-02", "黑金抗老精华套装", "premium", "护肤", "2680.00"},
        {"PREM-03", "限量香水 100ml", "premium", "香氛", "1580.00"}
    };

    static final String[] STORES = {"杭州西湖店", "上海静安店", "北京三里屯店", "成都太古里店", "线上旗舰店"};
    private static final String[] CHANNELS = {"小程序商城", "门店", "天猫", "抖音小店"};
    private static final int CHUNK = 20_000;

    private final Products products;
    private final OrderBulkLoad orders;
    private final ObjectMapper json;

    DemoCommerce(Products products, OrderBulkLoad orders, ObjectMapper json) {
        this.products = products;
        this.orders = orders;
        this.json = json;
    }

    void load(TenantId tenant, StandardDataSet data) {
        var records = new ArrayList<JsonNode>();
        for (var p : PRODUCTS) {
            records.add(json.createObjectNode()
                    .put("sku", p[0])
                    .put("name", p[1])
                    .put("role", p[2])
                    .put("category", p[3])
                    .put("price", p[4]));
        }
        products.upsert(records, "products[%d]", false);
        var random = new SplittableRandom(data.seed() + 11);
        var all = new ArrayList<BulkOrder>();
        for (long customer = 1; customer <= data.customers(); customer++) {
            if (random.nextInt(4) != 0) {
                continue;
            }
            int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 6 : 2);
            for (int i = 0; i < count; i++) {
                var placed = data.end()
                        .minusSeconds(60 + random.nextLong(Duration.ofDays(360).toSeconds()));
                all.add(new BulkOrder(
                        "",
                        customer,
                        placed,
                        placed.plusSeconds(30 + random.nextInt(600)),
                        STORES[random.nextInt(STORES.length)],
                        CHANNELS[random.nextInt(CHANNELS.length)],
                        lines(random)));
            }
        }
        // Numbered and stored in the order they were placed, as a shop would send them.
        all.sort(java.util.Comparator.comparing(BulkOrder::placedAt));
        for (int from = 0; from < all.size(); from += CHUNK) {
            var batch = new ArrayList<BulkOrder>();
            for (int i = from; i < Math.min(all.size(), from + CHUNK); i++) {
                var o = all.get(i);
                batch.add(new BulkOrder(
                        "SO-%08d".formatted(i + 1),
                        o.customer(),
                        o.placedAt(),
                        o.paidAt(),
                        o.store(),
                        o.channel(),
                        o.lines()));
            }
            orders.load(tenant, batch);
        }
    }

    /** One to three different products; cheap roles are bought far more often than premium ones. */
    private static List<Order.Line> lines(SplittableRandom random) {
        var lines = new ArrayList<Order.Line>();
        var taken = new java.util.HashSet<Integer>();
        int count = 1 + random.nextInt(3);
        while (lines.size() < count) {
            int roll = random.nextInt(100);
            int index = roll < 30
                    ? random.nextInt(3)
                    : roll < 75 ? 3 + random.nextInt(4) : roll < 95 ? 7 + random.nextInt(4) : 11 + random.nextInt(3);
            if (!taken.add(index)) {
                continue;
            }
            var p = PRODUCTS[index];
            lines.add(new Order.Line(lines.size() + 1, p[0], p[1], 1 + random.nextInt(2), new BigDecimal(p[4])));
        }
        return lines;
    }
}
