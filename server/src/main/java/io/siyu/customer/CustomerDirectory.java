package io.siyu.customer;

import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads customers: the list with search (every criterion answered from an index, so that it stays fast at
 * ten million customers) and the whole profile of one.
 */
@Service
public class CustomerDirectory {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private static final String SUMMARY_COLUMNS = """
            c.id, c.display_name, c.anonymous, c.gender, c.city, c.owner_account_id, c.source_channel, c.member_level,
            c.order_count + coalesce(g.order_count, 0), c.gmv + coalesce(g.gmv, 0),
            greatest(c.last_active_at, g.last_active_at), c.created_at,
            (select i.value from customer_identity i where i.customer_id = c.id and i.type = 'mobile'
             order by i.verified desc, i.created_at limit 1)
            """;

    /** Totals of the profiles merged into {@code c}; almost always none. */
    private static final String MERGED_TOTALS = """
            left join lateral (select sum(m.order_count) as order_count, sum(m.gmv) as gmv,
                                      max(m.last_active_at) as last_active_at
                               from customer m where m.survivor_id = c.id) g on true
            """;

    private final JdbcClient jdbc;
    private final IdentityMerges merges;
    private final CustomerAttributes attributes;
    private final ObjectMapper json;

    CustomerDirectory(JdbcClient jdbc, IdentityMerges merges, CustomerAttributes attributes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.merges = merges;
        this.attributes = attributes;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public CursorPage<CustomerSummary> search(CustomerQuery query, int limit, @Nullable String cursor) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        where.add("c.survivor_id is null");
        var byName = criteria(query, where, params);
        var after = decode(cursor, byName);
        if (after != null) {
            if (byName) {
                where.add("(c.display_name collate \"C\", c.id) > (? collate \"C\", ?)");
                params.add(after.name());
            } else {
                where.add("c.id < ?");
            }
            params.add(after.id());
        }
        var order = byName ? "c.display_name collate \"C\", c.id" : "c.id desc";
        params.add(limit + 1);
        var rows = jdbc.sql("select " + SUMMARY_COLUMNS + " from customer c " + MERGED_TOTALS + " where "
                        + String.join(" and ", where) + " order by " + order + " limit ?")
                .params(params)
                .query((rs, n) -> summary(rs))
                .list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        var page = rows.subList(0, limit);
        var last = page.getLast();
        return new CursorPage<>(page, encode(last.id(), byName ? last.name() : null));
    }

    /** Summaries of these customers (segment previews), in the order of {@code ids}; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<CustomerSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var byId = new java.util.HashMap<Long, CustomerSummary>();
        jdbc.sql("select " + SUMMARY_COLUMNS + " from customer c " + MERGED_TOTALS + " where c.id = any(?::bigint[])")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> summary(rs))
                .list()
                .forEach(summary -> byId.put(summary.id(), summary));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Display names of these customers by id, as their profiles have them; unknown ids are left out. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        var names = new java.util.HashMap<Long, String>();
        summaries(ids.stream().distinct().toList()).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    /** Those of these customers who said no to being contacted through {@code channel} (consent not granted). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> optedOut(ConsentChannel channel, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from customer where id = any(?::bigint[])"
                        + " and (consent -> ? ->> 'granted') = 'false'")
                .params(ids.toArray(Long[]::new), channel.code())
                .query(Long.class)
                .list());
    }

    /**
     * The customers (not merged away) whose birthday, or date attribute {@code field} ({@code attributes.<key>}),
     * falls on this day of the year; those born on 29 February count on the 28th in other years.
     */
    @Transactional(readOnly = true)
    public List<Long> bornOn(String field, java.time.MonthDay day, boolean leapYear) {
        var column = field.equals("birthday") ? "birthday" : "(attributes ->> ?)::date";
        var params = new ArrayList<Object>();
        if (!field.equals("birthday")) {
            params.add(field.substring("attributes.".length()));
        }
        var feb28 = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !leapYear;
        params.add(day.getMonthValue());
        params.add(day.getDayOfMonth());
        return jdbc.sql("select id from customer where survivor_id is null and " + column + " is not null"
                        + " and (extract(month from " + column + "), extract(day from " + column + ")) "
                        + (feb28 ? "in ((?, ?), (2, 29))" : "= (?, ?)"))
                .params(field.equals("birthday") ? params : withRepeatedKey(params))
                .query(Long.class)
                .list();
    }

    /** The attribute key is bound once per use of the column (three times). */
    private static List<Object> withRepeatedKey(List<Object> params) {
        var key = params.getFirst();
        var all = new ArrayList<Object>(List.of(key, key, key));
        all.addAll(params.subList(1, params.size()));
        return all;
    }

    /** How many customers match; for export progress. */
    @Transactional(readOnly = true)
    public long count(CustomerQuery query) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        where.add("c.survivor_id is null");
        criteria(query, where, params);
        return jdbc.sql("select count(*) from customer c where " + String.join(" and ", where))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The custom attribute values of these customers, for exports. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, tools.jackson.databind.JsonNode> attributesOf(java.util.Collection<Long> ids) {
        var result = new java.util.HashMap<Long, tools.jackson.databind.JsonNode>();
        jdbc.sql("select id, attributes::text from customer where id = any(?::bigint[])")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    result.put(rs.getLong(1), json.readTree(rs.getString(2)));
                });
        return result;
    }

    /** The profile {@code id} resolves to (the survivor when {@code id} was merged). */
    @Transactional(readOnly = true)
    public CustomerProfile get(long id) {
        long root = merges.rootOf(id);
        var group = merges.group(root);
        var ids = group.toArray(Long[]::new);
        var identities = jdbc.sql("select type, value, verified, customer_id, created_at from customer_identity"
                        + " where customer_id = any(?::bigint[]) order by type, created_at")
                .param(ids)
                .query((rs, n) -> new CustomerProfile.Identity(
                        IdentityType.fromCode(rs.getString(1)),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        return jdbc.sql("""
                        select c.display_name, c.anonymous, c.gender, c.birthday, c.city, c.source_channel,
                               c.owner_account_id, c.member_level, c.member_since, c.attributes::text, c.consent::text,
                               g.orders, g.gmv, g.first_purchase, g.last_purchase, g.first_seen, g.last_active,
                               c.created_at, c.updated_at
                        from customer c,
                             (select sum(order_count) as orders, sum(gmv) as gmv, min(first_purchase_at) as first_purchase,
                                     max(last_purchase_at) as last_purchase, min(coalesce(first_seen_at, created_at)) as first_seen,
                                     max(last_active_at) as last_active
                              from customer where id = any(?::bigint[])) g
                        where c.id = ?
                        """)
                .params(ids, root)
                .query((rs, n) -> new CustomerProfile(
                        root,
                        rs.getString(1),
                        rs.getBoolean(2),
                        Gender.of(rs.getInt(3)),
                        rs.getObject(4, LocalDate.class),
                        (Integer) rs.getObject(5),
                        rs.getString(6),
                        (Long) rs.getObject(7),
                        rs.getInt(8),
                        rs.getObject(9, LocalDate.class),
                        json.readTree(rs.getString(10)),
                        json.readTree(rs.getString(11)),
                        identities,
                        new CustomerProfile.Totals(
                                rs.getLong(12), rs.getBigDecimal(13), instant(rs, 14), instant(rs, 15)),
                        instant(rs, 16),
                        instant(rs, 17),
                        rs.getTimestamp(18).toInstant(),
                        instant(rs, 19),
                        group,
                        merges.history(group)))
                .single();
    }

    /** Adds the query's criteria; true when the list is a name search, ordered and paged by name. */
    private boolean criteria(CustomerQuery query, List<String> where, List<Object> params) {
        boolean byName = false;
        var q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty()) {
            var identity = identityIn(q);
            // Identity and number searches find their few customers first, by primary key, so that the
            // list query is a handful of key lookups rather than a scan that tests every row.
            if (identity != null) {
                where.add("c.id = any(?::bigint[])");
                params.add(roots(
                        "select coalesce(m.survivor_id, m.id) from customer_identity i join customer m on m.id = i.customer_id"
                                + " where i.type = ? and i.value = ?",
                        identity.type().code(),
                        identity.value()));
            } else if (DIGITS.matcher(q).matches()) {
                where.add("c.id = any(?::bigint[])");
                params.add(roots(
                        "select coalesce(m.survivor_id, m.id) from customer m where m.id = ?"
                                + " union select coalesce(m.survivor_id, m.id) from customer_identity i"
                                + " join customer m on m.id = i.customer_id where i.type = 'member' and i.value = ?",
                        Long.parseLong(q),
                        q));
            } else {
                where.add(
                        "c.display_name collate \"C\" >= ? collate \"C\" and c.display_name collate \"C\" < ? collate \"C\"");
                params.add(q);
                params.add(q + Character.toString(Character.MAX_CODE_POINT));
                byName = true;
            }
        }
        if (query.gender() != null) {
            where.add("c.gender = ?");
            params.add(query.gender().ordinal());
        }
        if (query.city() != null) {
            where.add("c.city = ?");
            params.add(query.city());
        }
        if (query.ownerId() != null) {
            where.add("c.owner_account_id = ?");
            params.add(query.ownerId());
        }
        if (query.sourceChannel() != null) {
            where.add("c.source_channel = ?");
            params.add(query.sourceChannel());
        }
        if (query.memberLevel() != null) {
            where.add("c.member_level = ?");
            params.add(query.memberLevel());
        }
        if (query.anonymous() != null) {
            where.add("c.anonymous = ?");
            params.add(query.anonymous());
        }
        if (!query.attributes().isEmpty()) {
            where.add("c.attributes @> ?::jsonb");
            params.add(attributeFilter(query).toString());
        }
        return byName;
    }

    private Long[] roots(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).list().toArray(Long[]::new);
    }

    private ObjectNode attributeFilter(CustomerQuery query) {
        var definitions = attributes.all();
        var filter = json.createObjectNode();
        var problems = new ArrayList<FieldProblem>();
        query.attributes().forEach((key, text) -> {
            var definition =
                    definitions.stream().filter(d -> d.key().equals(key)).findFirst();
            if (definition.isEmpty()) {
                problems.add(new FieldProblem("attr." + key, "customer.attribute.unknown", key));
                return;
            }
            switch (definition.get().type()) {
                case NUMBER -> {
                    try {
                        filter.put(key, new BigDecimal(text));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem("attr." + key, "customer.attribute.invalid", "number"));
                    }
                }
                case BOOLEAN -> filter.put(key, Boolean.parseBoolean(text));
                case MULTI_ENUM -> filter.set(key, json.createArrayNode().add(text));
                default -> filter.put(key, text);
            }
        });
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return filter;
    }

    private static @Nullable IdentityKey identityIn(String q) {
        for (var type : List.of(IdentityType.MOBILE, IdentityType.EMAIL)) {
            try {
                if (type == IdentityType.MOBILE && !q.matches("[+0-9 ()-]{7,20}")) {
                    continue;
                }
                return new IdentityKey(type, q);
            } catch (IdentityKey.InvalidIdentity e) {
                // not this kind of identity
            }
        }
        return null;
    }

    private CustomerSummary summary(ResultSet rs) throws SQLException {
        return new CustomerSummary(
                rs.getLong(1),
                rs.getString(2),
                rs.getBoolean(3),
                Gender.of(rs.getInt(4)),
                (Integer) rs.getObject(5),
                mask(rs.getString(13)),
                (Long) rs.getObject(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getLong(9),
                rs.getBigDecimal(10),
                instant(rs, 11),
                rs.getTimestamp(12).toInstant());
    }

    /** 13800138000 → 138****8000; short or foreign numbers keep only their last four digits. */
    public static @Nullable String mask(@Nullable String mobile) {
        if (mobile == null) {
            return null;
        }
        if (mobile.length() == 11) {
            return mobile.substring(0, 3) + "****" + mobile.substring(7);
        }
        return "****" + mobile.substring(Math.max(0, mobile.length() - 4));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record After(long id, String name) {}

    private static String encode(long id, @Nullable String name) {
        var text = name == null ? "i" + id : "n" + id + ":" + name;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable After decode(@Nullable String cursor, boolean byName) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (byName && text.startsWith("n") && text.indexOf(':') > 1) {
                return new After(
                        Long.parseLong(text.substring(1, text.indexOf(':'))), text.substring(text.indexOf(':') + 1));
            }
            if (!byName && text.startsWith("i")) {
                return new After(Long.parseLong(text.substring(1)), "");
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw new DomainException(
                HttpStatus.BAD_REQUEST,
                "problem.invalid-request",
                List.of(new FieldProblem("cursor", "problem.page.cursor")));
    }
}
