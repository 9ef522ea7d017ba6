package io.siyu.demo;

import io.siyu.customer.CustomerRecord;
import io.siyu.event.EventRecord;
import io.siyu.event.EventType;
import io.siyu.tagging.TagBulkLoad.Assignment;
import io.siyu.tagging.TagBulkLoad.TagDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * PRODUCT.md's standard data set as a pure function of (size, seed, end): the same arguments give the same
 * rows on any machine. Customers: gender 1/2, city 0–299 (0 = Beijing), member level 0–3, member since
 * 0–1,499 days before the end, 5 distinct tags of 500; events: {@value #EVENTS_PER_CUSTOMER} per customer
 * on average, uniform over the 365 days before the end, 6 types.
 *
 * <p>Rows come in chunks whose randomness depends only on the chunk index, so chunks can be loaded in
 * separate transactions and still form the same data set.
 */
public record StandardDataSet(long customers, long seed, Instant end) {

    static final int TAGS = 500;
    static final int TAGS_PER_CUSTOMER = 5;
    static final int EVENTS_PER_CUSTOMER = 10;
    static final int CITIES = 300;
    static final long CHUNK = 100_000;
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final String[] TAG_GROUPS = {"跟进状态", "来源", "属性", "产品", "内容", "活动"};
    // The first tags of each group have the names an operator would give them; the rest are numbered.
    private static final String[][] TAG_NAMES = {
        {"待跟进", "已添加好友", "已沟通", "有意向", "已报价", "已成交", "已复购", "暂无需求", "已流失"},
        {"门店扫码", "直播间", "小红书", "抖音", "公众号", "朋友推荐", "包裹卡", "线下活动", "视频号", "官网"},
        {"宝妈", "学生", "白领", "价格敏感", "品质优先", "高消费力", "新手", "资深用户", "夜猫子", "周末活跃"},
        {"引流品体验", "明星品", "个性化定制", "贵族系列", "护肤", "彩妆", "个护", "母婴", "食品", "家居"},
        {"爱看测评", "爱看教程", "爱看福利", "干货党", "种草达人", "直播常客"},
        {"双11参与", "618参与", "会员日", "拼团", "秒杀", "抽奖", "签到打卡", "裂变邀请"}
    };

    public StandardDataSet {
        if (customers < 1) {
            throw new IllegalArgumentException("a data set needs at least one customer");
        }
    }

    long events() {
        return customers * EVENTS_PER_CUSTOMER;
    }

    public long customerChunks() {
        return (customers + CHUNK - 1) / CHUNK;
    }

    long eventChunks() {
        return (events() + CHUNK - 1) / CHUNK;
    }

    List<TagDefinition> tags() {
        var tags = new ArrayList<TagDefinition>(TAGS);
        for (int id = 1; id <= TAGS; id++) {
            var group = TAG_GROUPS[(id - 1) % TAG_GROUPS.length];
            int rank = (id - 1) / TAG_GROUPS.length;
            var names = TAG_NAMES[(id - 1) % TAG_GROUPS.length];
            tags.add(new TagDefinition(id, group, rank < names.length ? names[rank] : group + " " + (rank + 1)));
        }
        return tags;
    }

    /**
     * The customers of a chunk. Besides the core fields, each has a unique verified mobile, most have a
     * birthday, a source channel and custom attributes ({@link #ATTRIBUTES}), and, when {@code owners} is not
     * empty, four in five are owned by one of them.
     */
    public void customers(long chunk, List<Long> owners, Consumer<CustomerRecord> sink) {
        var random = random(1, chunk);
        var extra = random(4, chunk);
        var endDate = LocalDate.ofInstant(end, ZoneOffset.UTC);
        long first = chunk * CHUNK + 1;
        long last = Math.min(customers, first + CHUNK - 1);
        for (long number = first; number <= last; number++) {
            int level = random.nextInt(4);
            int memberDays = random.nextInt(1500);
            long ageSeconds = random.nextLong(2 * YEAR_SECONDS);
            sink.accept(new CustomerRecord(
                    number,
                    Names.person(random),
                    1 + random.nextInt(2),
                    random.nextInt(CITIES),
                    level,
                    level == 0 ? null : endDate.minusDays(memberDays),
                    end.minusSeconds(ageSeconds),
                    mobile(number),
                    extra.nextInt(10) < 7 ? LocalDate.of(1970, 1, 1).plusDays(extra.nextInt(13_000)) : null,
                    SOURCE_CHANNELS[extra.nextInt(SOURCE_CHANNELS.length)],
                    owners.isEmpty() || extra.nextInt(5) == 0 ? null : owners.get(extra.nextInt(owners.size())),
                    attributes(extra)));
        }
    }

    /** A unique mainland mobile per customer number: a bijection of the number onto nine digits. */
    public static String mobile(long number) {
        return "13%09d".formatted(Math.floorMod(number * 999_999_937L, 1_000_000_000L));
    }

    static final String[] SOURCE_CHANNELS = {"门店海报", "直播间", "小红书", "抖音", "公众号", "老带新", "企微活码", "天猫订单卡片"};
    static final String[] SKIN_TYPES = {"干性", "油性", "混合", "敏感"};
    static final String[] CATEGORIES = {"护肤", "彩妆", "香氛", "个护"};

    /** The custom attributes the data set fills: key, label, type, options. */
    static final List<String[]> ATTRIBUTES = List.of(
            new String[] {"skinType", "肤质", "multi_enum", String.join(",", SKIN_TYPES)},
            new String[] {"preferredCategory", "偏好品类", "enum", String.join(",", CATEGORIES)},
            new String[] {"budget", "月均预算（元）", "number", ""});

    private static String attributes(SplittableRandom random) {
        if (random.nextInt(5) < 2) {
            return "{}";
        }
        var skin = SKIN_TYPES[random.nextInt(SKIN_TYPES.length)];
        var skinTypes = random.nextInt(4) == 0 ? "\"" + skin + "\", \"敏感\"" : "\"" + skin + "\"";
        if (skin.equals("敏感")) {
            skinTypes = "\"敏感\"";
        }
        return "{\"skinType\": [%s], \"preferredCategory\": \"%s\", \"budget\": %d}"
                .formatted(skinTypes, CATEGORIES[random.nextInt(CATEGORIES.length)], 100 * (1 + random.nextInt(20)));
    }

    void tagAssignments(long chunk, Consumer<Assignment> sink) {
        var random = random(2, chunk);
        long first = chunk * CHUNK + 1;
        long last = Math.min(customers, first + CHUNK - 1);
        var picked = new int[TAGS_PER_CUSTOMER];
        for (long number = first; number <= last; number++) {
            for (int i = 0; i < TAGS_PER_CUSTOMER; i++) {
                int tag;
                do {
                    tag = 1 + random.nextInt(TAGS);
                } while (contains(picked, i, tag));
                picked[i] = tag;
                sink.accept(new Assignment(number, tag));
            }
        }
    }

    /** The six types of PRODUCT.md's data set; refunds come only from orders. */
    private static final EventType[] STANDARD_TYPES = {
        EventType.VIEW,
        EventType.FAVORITE,
        EventType.ADD_TO_CART,
        EventType.PURCHASE,
        EventType.SHARE,
        EventType.MESSAGE
    };

    void events(long chunk, Consumer<EventRecord> sink) {
        var random = random(3, chunk);
        long count = Math.min(CHUNK, events() - chunk * CHUNK);
        var types = STANDARD_TYPES;
        for (long i = 0; i < count; i++) {
            sink.accept(new EventRecord(
                    1 + random.nextLong(customers),
                    types[random.nextInt(types.length)],
                    end.minusSeconds(1 + random.nextLong(YEAR_SECONDS))));
        }
    }

    LocalDate firstEventDay() {
        return LocalDate.ofInstant(end.minusSeconds(YEAR_SECONDS), ZoneOffset.UTC);
    }

    LocalDate lastEventDay() {
        return LocalDate.ofInstant(end, ZoneOffset.UTC);
    }

    private SplittableRandom random(int stream, long chunk) {
        return new SplittableRandom(seed * 1_000_003L + stream * 7_919L + chunk * 104_729L);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
