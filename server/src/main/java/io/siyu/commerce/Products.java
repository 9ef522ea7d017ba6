package io.siyu.commerce;

import io.siyu.shared.CursorPage;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The product catalogue: upserted by SKU from shops and imports, listed and filtered in the console. */
@Service
public class Products {

    public static final int MAX_BATCH = 500;
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The outcome of one record: the product written, or why not. */
    public record Outcome(
            int index, @Nullable String sku, @Nullable String status, List<FieldProblem> problems) {}

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or updates products by SKU; a record with problems is skipped and reported. */
    @Transactional
    public List<Outcome> upsert(List<JsonNode> records, String at, boolean dryRun) {
        var outcomes = new ArrayList<Outcome>();
        for (int i = 0; i < records.size(); i++) {
            var path = at.formatted(i);
            var problems = new ArrayList<FieldProblem>();
            var record = records.get(i);
            var sku = record.path("sku").asString("").strip();
            if (!SKU.matcher(sku).matches()) {
                problems.add(new FieldProblem(path + ".sku", "commerce.sku.invalid"));
            }
            var name = record.path("name").asString("").strip();
            if (name.isEmpty() || name.length() > 120) {
                problems.add(new FieldProblem(path + ".name", "problem.field.size", 1, 120));
            }
            var role = record.has("role") && !record.get("role").isNull()
                    ? ProductRole.parse(record.path("role").asString("")).orElse(null)
                    : ProductRole.HERO;
            if (role == null) {
                problems.add(new FieldProblem(path + ".role", "commerce.role.invalid"));
            }
            var category = record.path("category").isString()
                    ? record.path("category").asString().strip()
                    : null;
            if (category != null && category.length() > 40) {
                problems.add(new FieldProblem(path + ".category", "problem.field.size", 0, 40));
            }
            var price = Money.read(record.get("price"), path + ".price", false, problems);
            boolean active = !record.has("active") || record.path("active").asBoolean(true);
            if (!problems.isEmpty() || role == null || price == null) {
                outcomes.add(new Outcome(i, sku, null, problems));
                continue;
            }
            boolean created = !dryRun
                    && jdbc.sql("insert into product (tenant_id, sku, name, role, category, price, active)"
                                    + " values (siyu_current_tenant(), ?, ?, ?, ?, ?, ?)"
                                    + " on conflict (tenant_id, sku) do update set name = excluded.name, role = excluded.role,"
                                    + " category = excluded.category, price = excluded.price, active = excluded.active,"
                                    + " updated_at = now() returning (xmax = 0)")
                            .params(sku, name, role.code(), category, price, active)
                            .query(Boolean.class)
                            .single();
            outcomes.add(new Outcome(i, sku, created || dryRun ? "created" : "updated", List.of()));
        }
        return outcomes;
    }

    @Transactional(readOnly = true)
    public CursorPage<Product> list(
            @Nullable String q, @Nullable ProductRole role, @Nullable String category, PageRequest page) {
        var where = new ArrayList<String>(List.of("id < ?"));
        var params = new ArrayList<Object>(List.of(page.before()));
        if (q != null && !q.isBlank()) {
            where.add("(sku = ? or name ilike ?)");
            params.add(q.strip());
            params.add("%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (role != null) {
            where.add("role = ?");
            params.add(role.code());
        }
        if (category != null && !category.isBlank()) {
            where.add("category = ?");
            params.add(category);
        }
        params.add(page.fetchSize());
        var rows = jdbc.sql("select id, sku, name, role, category, price, active, updated_at from product where "
                        + String.join(" and ", where) + " order by id desc limit ?")
                .params(params)
                .query((rs, n) -> product(rs))
                .list();
        return CursorPage.ofDescending(rows, page.limit(), Product::id);
    }

    /** Products by SKU, for order lines. */
    @Transactional(readOnly = true)
    public Map<String, Product> bySku(Collection<String> skus) {
        var result = new HashMap<String, Product>();
        if (!skus.isEmpty()) {
            jdbc.sql("select id, sku, name, role, category, price, active, updated_at from product where sku = any(?)")
                    .param(skus.toArray(String[]::new))
                    .query(rs -> {
                        var product = product(rs);
                        result.put(product.sku(), product);
                    });
        }
        return result;
    }

    /** Categories in use, for filters. */
    @Transactional(readOnly = true)
    public List<String> categories() {
        return jdbc.sql("select distinct category from product where category is not null order by 1")
                .query(String.class)
                .list();
    }

    private static Product product(ResultSet rs) throws SQLException {
        return new Product(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                ProductRole.parse(rs.getString(4)).orElseThrow(),
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getBoolean(7),
                rs.getTimestamp(8).toInstant());
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
