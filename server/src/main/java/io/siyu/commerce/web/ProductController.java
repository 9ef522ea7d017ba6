package io.siyu.commerce.web;

import io.siyu.access.Permission;
import io.siyu.commerce.Product;
import io.siyu.commerce.ProductRole;
import io.siyu.commerce.Products;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.shared.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Commerce")
class ProductController {

    record ProductView(
            long id,
            String sku,
            String name,
            String role,
            @Nullable String category,
            BigDecimal price,
            boolean active,
            Instant updatedAt) {
        static ProductView of(Product p) {
            return new ProductView(
                    p.id(), p.sku(), p.name(), p.role().code(), p.category(), p.price(), p.active(), p.updatedAt());
        }
    }

    record RecordResult(
            int index,
            @Nullable String sku,
            String status,
            @Nullable List<Map<String, String>> errors) {}

    record BatchResponse(int written, int rejected, List<RecordResult> results) {}

    private final Products products;
    private final Problems problems;

    ProductController(Products products, Problems problems) {
        this.products = products;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permission.COMMERCE_READ + "')")
    @Operation(summary = "Products, newest first; q matches the SKU exactly or the name in part")
    CursorPage<ProductView> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var parsedRole = role == null ? null : ProductRole.parse(role).orElse(null);
        if (role != null && parsedRole == null) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("role", "commerce.role.invalid")));
        }
        var page = products.list(q, parsedRole, category, PageRequest.of(limit, cursor));
        return new CursorPage<>(page.items().stream().map(ProductView::of).toList(), page.nextCursor());
    }

    @GetMapping("/categories")
    @PreAuthorize("hasAuthority('" + Permission.COMMERCE_READ + "')")
    @Operation(summary = "The product categories in use")
    List<String> categories() {
        return products.categories();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Permission.COMMERCE_WRITE + "')")
    @Operation(
            summary = "Create or update products by SKU: {\"products\": [{sku, name, role (lead | hero | personalised |"
                    + " premium, or 引流品 / 明星品 / 个性化 / 贵族), category, price, active}]}, at most 500")
    BatchResponse upsert(@RequestBody JsonNode body) {
        var records = Batches.records(body, "products", Products.MAX_BATCH);
        var locale = LocaleContextHolder.getLocale();
        var results = new ArrayList<RecordResult>();
        for (var outcome : products.upsert(records, "products[%d]", false)) {
            results.add(
                    outcome.status() == null
                            ? new RecordResult(
                                    outcome.index(),
                                    outcome.sku(),
                                    "rejected",
                                    problems.describe(outcome.problems(), locale))
                            : new RecordResult(outcome.index(), outcome.sku(), outcome.status(), null));
        }
        int written = (int) results.stream().filter(r -> r.errors() == null).count();
        return new BatchResponse(written, results.size() - written, results);
    }
}
