package io.siyu.customer.web;

import io.siyu.access.AccountManagement;
import io.siyu.access.Actor;
import io.siyu.access.Permission;
import io.siyu.customer.Cities;
import io.siyu.customer.CustomerAttributes;
import io.siyu.customer.CustomerBatch;
import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerProfiles;
import io.siyu.customer.CustomerQuery;
import io.siyu.customer.CustomerScope;
import io.siyu.customer.Gender;
import io.siyu.customer.IdentityMerges;
import io.siyu.customer.ProfileInput;
import io.siyu.customer.web.CustomerViews.Detail;
import io.siyu.customer.web.CustomerViews.MergeView;
import io.siyu.customer.web.CustomerViews.Summary;
import io.siyu.customer.web.CustomerViews.WriteResult;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.shared.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customers")
class CustomerController {

    record LinkRequest(@Nullable Long customerId) {}

    record BatchResponse(int written, int rejected, List<WriteResult> results) {}

    record CityItem(int code, String name) {}

    private final CustomerDirectory directory;
    private final CustomerProfiles profiles;
    private final CustomerBatch batch;
    private final CustomerAttributes attributes;
    private final IdentityMerges merges;
    private final AccountManagement accounts;
    private final CustomerScope scope;
    private final Problems problems;

    CustomerController(
            CustomerDirectory directory,
            CustomerProfiles profiles,
            CustomerBatch batch,
            CustomerAttributes attributes,
            IdentityMerges merges,
            AccountManagement accounts,
            CustomerScope scope,
            Problems problems) {
        this.directory = directory;
        this.profiles = profiles;
        this.batch = batch;
        this.attributes = attributes;
        this.merges = merges;
        this.accounts = accounts;
        this.scope = scope;
        this.problems = problems;
    }

    @GetMapping("/customers")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(
            summary = "Search customers (cursor paging). q is read as a mobile, an email, a customer or member number,"
                    + " or a name prefix (then ordered by name); attr.<key>=value filters by custom attribute. Staff"
                    + " without customers:all see only the customers they own.")
    CursorPage<Summary> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String gender,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(required = false) @Nullable Long ownerId,
            @RequestParam(required = false) @Nullable String sourceChannel,
            @RequestParam(required = false) @Nullable Integer memberLevel,
            @RequestParam(required = false) @Nullable Boolean anonymous,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        var page = PageRequest.of(limit, null);
        var bad = new ArrayList<FieldProblem>();
        var genderValue = gender == null ? null : Gender.parse(gender).orElse(null);
        if (gender != null && genderValue == null) {
            bad.add(new FieldProblem("gender", "customer.gender.invalid"));
        }
        Integer cityCode = null;
        if (city != null) {
            cityCode = Cities.parse(city).map(Cities.City::code).orElse(null);
            if (cityCode == null) {
                bad.add(new FieldProblem("city", "customer.city.unknown", city));
            }
        }
        if (q != null && q.length() > 100) {
            bad.add(new FieldProblem("q", "problem.field.size", 0, 100));
        }
        if (!bad.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", bad);
        }
        var attributeFilters = new LinkedHashMap<String, String>();
        all.forEach((key, value) -> {
            if (key.startsWith("attr.")) {
                attributeFilters.put(key.substring(5), value);
            }
        });
        var scopedOwner = !CustomerScope.seesAll()
                ? Long.valueOf(Actor.current().orElseThrow().accountId())
                : ownerId;
        var query = new CustomerQuery(
                q, genderValue, cityCode, scopedOwner, sourceChannel, memberLevel, anonymous, attributeFilters);
        var result = directory.search(query, page.limit(), cursor);
        var owners = accounts.displayNames(result.items().stream()
                .map(io.siyu.customer.CustomerSummary::ownerId)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
        var locale = LocaleContextHolder.getLocale();
        return new CursorPage<>(
                result.items().stream().map(c -> Summary.of(c, owners, locale)).toList(), result.nextCursor());
    }

    @GetMapping("/customers/{id}")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(summary = "A customer's whole profile; a merged-away id answers with the profile it was merged into")
    Detail get(@PathVariable long id) {
        return detail(id);
    }

    @PostMapping("/customers")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(
            summary = "Create or update a customer found by its identities (at least one). Identities of several"
                    + " customers are merged when a unionid or a verified mobile links them, else 409.")
    ResponseEntity<Detail> upsert(@RequestBody JsonNode body) {
        var input = read(body);
        checkOwner(input);
        var written = profiles.upsert(input, Actor.currentName());
        return ResponseEntity.status(written.status().equals("created") ? HttpStatus.CREATED : HttpStatus.OK)
                .body(detail(written.customerId()));
    }

    @PostMapping("/customers/batch")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(
            summary = "Create or update up to 500 customers; each record is written or rejected on its own, in one"
                    + " transaction")
    BatchResponse upsertBatch(@RequestBody JsonNode body) {
        var records = body.get("customers");
        if (records == null || !records.isArray()) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("customers", "event.batch.not-array")));
        }
        if (records.size() > CustomerBatch.MAX_BATCH) {
            throw new DomainException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "customer.batch.too-large",
                    List.of(new FieldProblem("customers", "customer.batch.too-large", CustomerBatch.MAX_BATCH)),
                    CustomerBatch.MAX_BATCH);
        }
        var list = new ArrayList<JsonNode>(records.size());
        records.forEach(list::add);
        var outcomes = batch.upsert(list, "customers[%d]", Actor.currentName(), false);
        var locale = LocaleContextHolder.getLocale();
        var results = outcomes.stream()
                .map(o -> o.written() == null
                        ? new WriteResult(
                                o.index(), "rejected", null, List.of(), problems.describe(o.problems(), locale))
                        : new WriteResult(
                                o.index(),
                                o.written().status(),
                                o.written().customerId(),
                                o.written().merged(),
                                null))
                .toList();
        int written = (int) results.stream().filter(r -> r.customerId() != null).count();
        return new BatchResponse(written, results.size() - written, results);
    }

    @PatchMapping("/customers/{id}")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(summary = "Change fields, attributes or consent; identities given are added (and may merge)")
    Detail update(@PathVariable long id, @RequestBody JsonNode body) {
        var input = read(body);
        checkOwner(input);
        var written = profiles.update(id, input, Actor.currentName());
        return detail(written.customerId());
    }

    @PostMapping("/customers/{id}/links")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(summary = "Merge another customer into this one (or this one into it: the named, older one survives)")
    Detail link(@PathVariable long id, @RequestBody LinkRequest body) {
        if (body.customerId() == null) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("customerId", "problem.field.required")));
        }
        return detail(merges.link(id, body.customerId(), Actor.currentName()));
    }

    @PostMapping("/customer-merges/{mergeId}/undo")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_WRITE + "')")
    @Operation(summary = "Undo a merge: the merged customer gets its identities, events and orders back")
    MergeView undo(@PathVariable long mergeId) {
        return MergeView.of(merges.undo(mergeId, Actor.currentName()));
    }

    @GetMapping("/cities")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(summary = "City codes and names in the caller's language")
    List<CityItem> cities() {
        var locale = LocaleContextHolder.getLocale();
        return Cities.all().stream()
                .map(c -> new CityItem(c.code(), c.name(locale)))
                .toList();
    }

    private Detail detail(long id) {
        scope.visibleGroup(id);
        var profile = directory.get(id);
        var owners =
                profile.ownerId() == null ? Map.<Long, String>of() : accounts.displayNames(List.of(profile.ownerId()));
        return Detail.of(
                id, profile, owners, CustomerScope.has(Permission.CUSTOMERS_PII), LocaleContextHolder.getLocale());
    }

    private ProfileInput read(JsonNode body) {
        var bad = new ArrayList<FieldProblem>();
        var input = ProfileInput.read(body, "", attributes.all(), attributes, bad);
        if (!bad.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", bad);
        }
        return input;
    }

    private void checkOwner(ProfileInput input) {
        if (input.fields().get("owner_account_id") instanceof Long owner
                && accounts.displayNames(List.of(owner)).isEmpty()) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("ownerId", "customer.owner.unknown", owner)));
        }
    }
}
