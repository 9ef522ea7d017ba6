package io.siyu.segment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.siyu.customer.CustomerAttributes;
import io.siyu.event.EventCatalog;
import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What rules are checked against, per tenant: fields (standard and custom attributes), event types, tags and
 * layers. Read at most once per {@link #FRESH} (a live count is asked for on every keystroke), tags again
 * when a rule names one not seen yet, layers again whenever the layer catalog hands out new ones.
 */
@Component
class RuleDefinitions {

    static final Duration FRESH = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(RuleDefinitions.class);

    /** One tenant's definitions; {@code layers} are compiled from {@code layerSource}. */
    record Current(
            Map<String, Field> fields,
            Map<String, Integer> types,
            @Nullable List<Layer> layerSource,
            Map<String, Map<String, Rule>> layers,
            IntPredicate tags) {

        RuleParser parser() {
            return new RuleParser(fields, tags, types, layers);
        }
    }

    private final CustomerAttributes attributes;
    private final EventCatalog catalog;
    private final ObjectProvider<LayerCatalog> layerCatalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Cache<TenantId, Current> cache =
            Caffeine.newBuilder().expireAfterWrite(FRESH).build();
    private final ConcurrentHashMap<TenantId, Set<Integer>> tags = new ConcurrentHashMap<>();

    RuleDefinitions(
            CustomerAttributes attributes,
            EventCatalog catalog,
            ObjectProvider<LayerCatalog> layerCatalog,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.attributes = attributes;
        this.catalog = catalog;
        this.layerCatalog = layerCatalog;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The bound tenant's definitions. */
    Current current() {
        var tenant = Tenancy.required();
        var current = cache.get(tenant, t -> new Current(fields(), types(), null, Map.of(), tags(t)));
        var catalog = layerCatalog.getIfAvailable();
        var source = catalog == null ? List.<Layer>of() : catalog.layers();
        if (current.layerSource() != source) {
            current = new Current(current.fields(), current.types(), source, compile(source, current), current.tags());
            cache.put(tenant, current);
        }
        return current;
    }

    /** A rule checked against the bound tenant's definitions; problems are a 400 naming each node. */
    Rule parse(@Nullable JsonNode json) {
        var parser = current().parser();
        var rule = parser.parse(json);
        if (rule == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "segment.rule.invalid", parser.problems());
        }
        return rule;
    }

    /**
     * Each layer's levels with the rule that selects exactly that level: its own rule and none of the levels
     * before it. A level whose rule no longer holds (a tag was deleted) is left out and logged.
     */
    private static Map<String, Map<String, Rule>> compile(List<Layer> layers, Current definitions) {
        var compiled = new LinkedHashMap<String, Map<String, Rule>>();
        for (var layer : layers) {
            var levels = new LinkedHashMap<String, Rule>();
            var before = new ArrayList<Rule>();
            for (var level : layer.levels()) {
                var own = level.rule() == null
                        ? null
                        : new RuleParser(definitions.fields(), definitions.tags(), definitions.types())
                                .parse(level.rule());
                if (level.rule() != null && own == null) {
                    log.warn("level {} of layer {} has a rule that no longer holds", level.key(), layer.key());
                    continue;
                }
                Rule others = before.isEmpty()
                        ? null
                        : new Rule.Not(before.size() == 1 ? before.getFirst() : new Rule.Any(List.copyOf(before)));
                if (own == null && others == null) {
                    continue;
                }
                levels.put(
                        level.key(), own == null ? others : others == null ? own : new Rule.All(List.of(own, others)));
                if (own != null) {
                    before.add(own);
                }
            }
            compiled.put(layer.key(), levels);
        }
        return compiled;
    }

    /** Known tag ids; an id not known yet is looked up once more (it may have been created a moment ago). */
    private IntPredicate tags(TenantId tenant) {
        return id -> tags.computeIfAbsent(tenant, t -> readTags()).contains(id)
                || tags.compute(tenant, (t, old) -> readTags()).contains(id);
    }

    private Set<Integer> readTags() {
        // Its own transaction: outside one, no tenant is bound and row-level security shows no tags.
        return new HashSet<>(Objects.requireNonNull(transactions.execute(
                status -> jdbc.sql("select id from tag").query(Integer.class).list())));
    }

    private Map<String, Integer> types() {
        var types = new LinkedHashMap<String, Integer>();
        catalog.byName().forEach((name, type) -> types.put(name, type.code()));
        return types;
    }

    /** The standard fields and the tenant's custom attributes, by the key rules use. */
    private Map<String, Field> fields() {
        var fields = new LinkedHashMap<String, Field>();
        Field.STANDARD.forEach(field -> fields.put(field.key(), field));
        attributes.all().forEach(definition -> {
            var field = Field.custom(definition);
            fields.put(field.key(), field);
        });
        return fields;
    }
}
