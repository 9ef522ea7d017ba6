package io.siyu.transfer;

import io.siyu.customer.AttributeDefinition;
import io.siyu.customer.AttributeType;
import io.siyu.customer.IdentityType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns file rows into the JSON records the API takes, following a mapping from column header to field.
 * Cells are text; dates and times are read in the common spellings of Chinese spreadsheets (2026-11-23,
 * 2026/11/23 14:05, 2026年11月23日, Excel serial numbers) in the tenant's time zone.
 */
final class RowMapper {

    /** Fields every entity may map a column to, besides custom attributes ({@code attr.<key>}). */
    static final Map<Entity, List<String>> FIELDS = Map.of(
            Entity.CUSTOMERS,
            List.of(
                    "mobile",
                    "email",
                    "unionid",
                    "memberNo",
                    "externalId",
                    "wecomExternalUserId",
                    "openid",
                    "name",
                    "gender",
                    "birthday",
                    "city",
                    "sourceChannel",
                    "consent.sms",
                    "consent.wecom",
                    "consent.email",
                    "consent.phone"),
            Entity.ORDERS,
            List.of(
                    "orderNo",
                    "customerId",
                    "mobile",
                    "memberNo",
                    "unionid",
                    "externalId",
                    "placedAt",
                    "paidAt",
                    "store",
                    "channel",
                    "currency",
                    "sku",
                    "productName",
                    "quantity",
                    "unitPrice"),
            Entity.TAGS,
            List.of(
                    "customerId",
                    "mobile",
                    "memberNo",
                    "unionid",
                    "externalId",
                    "openid",
                    "wecomExternalUserId",
                    "group",
                    "tag",
                    "action"),
            Entity.EVENTS,
            List.of(
                    "eventId",
                    "type",
                    "occurredAt",
                    "customerId",
                    "mobile",
                    "memberNo",
                    "unionid",
                    "externalId",
                    "openid",
                    "wecomExternalUserId"));

    /** Header spellings (lower case) that suggest a field. */
    private static final Map<String, String> SYNONYMS = synonyms();

    private static final Pattern EXCEL_SERIAL = Pattern.compile("[1-9][0-9]{4}(\\.[0-9]+)?");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d H:m[:s]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:m[:s]"),
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:m[:s]"),
            DateTimeFormatter.ofPattern("yyyy-M-d'T'H:m[:s]"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"),
            DateTimeFormatter.ofPattern("yyyyMMdd"));

    private final Entity entity;
    private final Map<String, Integer> columns;
    private final ZoneId zone;
    private final ObjectMapper json;
    private final Map<String, AttributeType> attributeTypes;

    /** @param mapping field name to column index */
    RowMapper(
            Entity entity,
            Map<String, Integer> mapping,
            ZoneId zone,
            ObjectMapper json,
            List<AttributeDefinition> attributes) {
        this.entity = entity;
        this.columns = mapping;
        this.zone = zone;
        this.json = json;
        this.attributeTypes = new LinkedHashMap<>();
        attributes.forEach(a -> attributeTypes.put(a.key(), a.type()));
    }

    /** The mapping a header suggests: each field to the first column whose header names it. */
    static Map<String, String> suggest(Entity entity, List<String> header, List<AttributeDefinition> attributes) {
        var suggestion = new LinkedHashMap<String, String>();
        var allowed = new ArrayList<>(FIELDS.get(entity));
        if (entity == Entity.CUSTOMERS) {
            attributes.forEach(a -> allowed.add("attr." + a.key()));
        }
        for (var column : header) {
            var key = column.strip().toLowerCase(Locale.ROOT);
            String field = SYNONYMS.get(key);
            if (field == null) {
                field = allowed.stream()
                        .filter(f -> f.equalsIgnoreCase(key))
                        .findFirst()
                        .orElse(null);
            }
            if (field == null && entity == Entity.CUSTOMERS) {
                field = attributes.stream()
                        .filter(a -> a.label().equalsIgnoreCase(column.strip()))
                        .map(a -> "attr." + a.key())
                        .findFirst()
                        .orElse(null);
            }
            if (field != null && allowed.contains(field) && !suggestion.containsValue(field)) {
                suggestion.put(column, field);
            }
        }
        return suggestion;
    }

    /** One customer or event record from a row. */
    ObjectNode record(List<String> row) {
        var record = json.createObjectNode();
        if (entity == Entity.CUSTOMERS) {
            var identities = json.createArrayNode();
            for (var type : IdentityType.values()) {
                var value = cell(row, type.apiName());
                if (value != null) {
                    identities.add(
                            json.createObjectNode().put("type", type.apiName()).put("value", value));
                }
            }
            record.set("identities", identities);
            put(record, "name", cell(row, "name"));
            put(record, "gender", cell(row, "gender"));
            put(record, "birthday", date(cell(row, "birthday")));
            put(record, "city", cell(row, "city"));
            put(record, "sourceChannel", cell(row, "sourceChannel"));
            var attributes = json.createObjectNode();
            var consent = json.createObjectNode();
            columns.forEach((field, index) -> {
                var value = cell(row, field);
                if (value == null) {
                    return;
                }
                if (field.startsWith("attr.")) {
                    attribute(attributes, field.substring(5), value);
                } else if (field.startsWith("consent.")) {
                    consent.put(field.substring(8), truthy(value));
                }
            });
            if (!attributes.isEmpty()) {
                record.set("attributes", attributes);
            }
            if (!consent.isEmpty()) {
                record.set("consent", consent);
            }
        } else if (entity == Entity.TAGS) {
            record.set("customer", customer(row));
            put(record, "group", cell(row, "group"));
            put(record, "tag", cell(row, "tag"));
            put(record, "action", action(cell(row, "action")));
        } else {
            put(record, "eventId", cell(row, "eventId"));
            put(record, "type", cell(row, "type"));
            put(record, "occurredAt", instant(cell(row, "occurredAt")));
            record.set("customer", customer(row));
            var properties = json.createObjectNode();
            columns.forEach((field, index) -> {
                var value = cell(row, field);
                if (value != null && field.startsWith("properties.")) {
                    properties.put(field.substring(11), value);
                }
            });
            if (!properties.isEmpty()) {
                record.set("properties", properties);
            }
        }
        return record;
    }

    /** A cell as the attribute's type wants it: lists split on 、,;|, dates normalised, numbers as numbers. */
    private void attribute(ObjectNode attributes, String key, String value) {
        var type = attributeTypes.getOrDefault(key, AttributeType.STRING);
        switch (type) {
            case MULTI_ENUM -> {
                var items = json.createArrayNode();
                for (var item : value.split("[、,，;；|]")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
                attributes.set(key, items);
            }
            case BOOLEAN -> attributes.put(key, truthy(value));
            case DATE -> attributes.put(key, date(value));
            default -> attributes.put(key, value);
        }
    }

    /** The order a group of rows with one order number makes: one line per row. */
    ObjectNode order(List<List<String>> rows) {
        var first = rows.getFirst();
        var order = json.createObjectNode();
        put(order, "orderNo", cell(first, "orderNo"));
        order.set("customer", customer(first));
        put(order, "placedAt", instant(cell(first, "placedAt")));
        put(order, "store", cell(first, "store"));
        put(order, "channel", cell(first, "channel"));
        put(order, "currency", cell(first, "currency"));
        var lines = json.createArrayNode();
        for (var row : rows) {
            var line = json.createObjectNode();
            put(line, "sku", cell(row, "sku"));
            put(line, "name", cell(row, "productName"));
            var quantity = cell(row, "quantity");
            if (quantity == null) {
                line.put("quantity", 1);
            } else if (quantity.matches("[0-9]{1,9}")) {
                line.put("quantity", Integer.parseInt(quantity));
            } else {
                line.put("quantity", quantity);
            }
            put(line, "unitPrice", cell(row, "unitPrice"));
            lines.add(line);
        }
        order.set("lines", lines);
        var paidAt = instant(cell(first, "paidAt"));
        if (paidAt != null) {
            // A paid order in a file is paid in full; the payment number is derived so a re-import is a no-op.
            var total = rows.stream()
                    .map(r -> {
                        try {
                            var price =
                                    new java.math.BigDecimal(cell(r, "unitPrice") == null ? "0" : cell(r, "unitPrice"));
                            var q = cell(r, "quantity");
                            return price.multiply(new java.math.BigDecimal(q == null ? "1" : q));
                        } catch (NumberFormatException e) {
                            return java.math.BigDecimal.ZERO;
                        }
                    })
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            var payments = json.createArrayNode();
            if (total.signum() > 0) {
                payments.add(json.createObjectNode()
                        .put("paymentNo", "IMP-" + cell(first, "orderNo"))
                        .put("amount", total)
                        .put("paidAt", paidAt));
            }
            order.set("payments", payments);
        }
        return order;
    }

    /** The identity fields a row has, in the order {@link #record} lists them. */
    List<String> identityFields(List<String> row) {
        var fields = new ArrayList<String>();
        for (var type : IdentityType.values()) {
            if (cell(row, type.apiName()) != null) {
                fields.add(type.apiName());
            }
        }
        return fields;
    }

    private static final Pattern IDENTITY_PATH = Pattern.compile("^identities\\[(\\d+)]");
    private static final Pattern LINE_PATH = Pattern.compile("^lines\\[\\d+]\\.(\\w+)");

    /** The mapped field a problem's path is about ({@code identities[0].value} is the row's first identity). */
    String fieldOf(String path, List<String> row) {
        var identity = IDENTITY_PATH.matcher(path);
        if (identity.find()) {
            var fields = identityFields(row);
            int index = Integer.parseInt(identity.group(1));
            return index < fields.size() ? fields.get(index) : path;
        }
        if (path.startsWith("attributes.")) {
            return "attr." + path.substring(11);
        }
        if (path.startsWith("customer.")) {
            return path.substring(9);
        }
        if (path.equals("customer")) {
            // the customer as a whole (not found, say): the column that named it
            if (cell(row, "customerId") != null) {
                return "customerId";
            }
            var fields = identityFields(row);
            return fields.isEmpty() ? path : fields.getFirst();
        }
        var line = LINE_PATH.matcher(path);
        if (line.find()) {
            return line.group(1).equals("name") ? "productName" : line.group(1);
        }
        return path;
    }

    @Nullable
    String orderNo(List<String> row) {
        return cell(row, "orderNo");
    }

    private ObjectNode customer(List<String> row) {
        var customer = json.createObjectNode();
        var id = cell(row, "customerId");
        if (id != null) {
            customer.put("customerId", id.matches("[0-9]{1,18}") ? Long.parseLong(id) : -1);
            return customer;
        }
        for (var type : IdentityType.values()) {
            var value = cell(row, type.apiName());
            if (value != null) {
                customer.put(type.apiName(), value);
            }
        }
        return customer;
    }

    private @Nullable String cell(List<String> row, String field) {
        var index = columns.get(field);
        if (index == null || index >= row.size()) {
            return null;
        }
        var value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static void put(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static boolean truthy(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是", "同意", "已授权" -> true;
            default -> false;
        };
    }

    /** ISO date text, or the value unchanged when it is no date (the API then names the problem). */
    static @Nullable String date(@Nullable String value) {
        if (value == null) {
            return null;
        }
        if (EXCEL_SERIAL.matcher(value).matches()) {
            return LocalDate.of(1899, 12, 30)
                    .plusDays((long) Double.parseDouble(value))
                    .toString();
        }
        for (var format : DATES) {
            try {
                return LocalDate.parse(value, format).toString();
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        return value;
    }

    /** An ISO instant, or the value unchanged when it is no time. */
    @Nullable
    String instant(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            // a local time or date follows
        }
        if (EXCEL_SERIAL.matcher(value).matches()) {
            double serial = Double.parseDouble(value);
            var local = LocalDateTime.of(1899, 12, 30, 0, 0).plusSeconds(Math.round(serial * 86_400));
            return local.atZone(zone).toInstant().toString();
        }
        for (var format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(value, format)
                        .atZone(zone)
                        .toInstant()
                        .toString();
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        var day = date(value);
        if (day != null && !day.equals(value)) {
            return LocalDate.parse(day).atStartOfDay(zone).toInstant().toString();
        }
        return value;
    }

    /** 添加 / 移除 as the English words the API takes; anything else is passed on to be refused there. */
    private static @Nullable String action(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "添加", "打标签", "新增", "add" -> "add";
            case "移除", "删除", "去掉", "remove", "delete" -> "remove";
            default -> value;
        };
    }

    private static Map<String, String> synonyms() {
        var map = new LinkedHashMap<String, String>();
        String[][] pairs = {
            {"手机", "mobile"},
            {"手机号", "mobile"},
            {"手机号码", "mobile"},
            {"电话", "mobile"},
            {"phone", "mobile"},
            {"邮箱", "email"},
            {"电子邮件", "email"},
            {"会员号", "memberNo"},
            {"会员卡号", "memberNo"},
            {"会员编号", "memberNo"},
            {"姓名", "name"},
            {"客户姓名", "name"},
            {"昵称", "name"},
            {"性别", "gender"},
            {"生日", "birthday"},
            {"出生日期", "birthday"},
            {"城市", "city"},
            {"所在城市", "city"},
            {"来源", "sourceChannel"},
            {"来源渠道", "sourceChannel"},
            {"渠道来源", "sourceChannel"},
            {"客户编号", "customerId"},
            {"订单号", "orderNo"},
            {"订单编号", "orderNo"},
            {"下单时间", "placedAt"},
            {"支付时间", "paidAt"},
            {"付款时间", "paidAt"},
            {"门店", "store"},
            {"店铺", "store"},
            {"渠道", "channel"},
            {"销售渠道", "channel"},
            {"币种", "currency"},
            {"商品编码", "sku"},
            {"商品编号", "sku"},
            {"商品名称", "productName"},
            {"商品", "productName"},
            {"数量", "quantity"},
            {"单价", "unitPrice"},
            {"事件id", "eventId"},
            {"事件编号", "eventId"},
            {"事件类型", "type"},
            {"发生时间", "occurredAt"},
            {"时间", "occurredAt"},
            {"外部id", "externalId"},
            {"企业微信id", "wecomExternalUserId"},
            {"标签组", "group"},
            {"标签分组", "group"},
            {"分组", "group"},
            {"标签", "tag"},
            {"标签名", "tag"},
            {"标签名称", "tag"},
            {"操作", "action"},
            {"动作", "action"}
        };
        for (var pair : pairs) {
            map.put(pair[0], pair[1]);
        }
        return map;
    }
}
