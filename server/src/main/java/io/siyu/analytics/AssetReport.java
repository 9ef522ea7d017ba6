package io.siyu.analytics;

import io.siyu.segment.Layer;
import io.siyu.segment.LayerCatalog;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Seed 002's user asset table: per week or month, the customer assets (customers with a WeCom relation: added a
 * staff member and lost none) at its start, those gained and lost in it, and at its end — in all, and per level of a
 * layer (each customer in the level they are in now).
 */
@Service
public class AssetReport {

    public record Row(
            LocalDate start, @Nullable String level, long opening, long added, long lost, long net, long closing) {}

    public record Table(String grain, @Nullable String layer, List<String> levels, List<Row> rows) {}

    private final CustomerSets sets;
    private final LayerCatalog layers;

    AssetReport(CustomerSets sets, LayerCatalog layers) {
        this.sets = sets;
        this.layers = layers;
    }

    @Transactional(readOnly = true)
    public Table table(Period period, Filters filters, @Nullable String grainName, @Nullable String layerKey) {
        var grain = Grain.parse(grainName, "grain", Grain.MONTH, List.of(Grain.WEEK, Grain.MONTH));
        var layer = layerKey == null || layerKey.isBlank() ? null : layer(layerKey);
        var buckets = grain.buckets(period.from(), period.to());
        var rules = new ArrayList<JsonNode>();
        rules.add(filters.narrow(Rules.asset(period.from().minusDays(1))));
        for (var bucket : buckets) {
            rules.add(filters.narrow(Rules.asset(bucket.end())));
        }
        var levels = layer == null ? List.<Layer.Level>of() : layer.levels();
        for (var level : levels) {
            rules.add(levelRule(layer.key(), level.key()));
        }
        var members = sets.members(rules);
        var levelMembers = members.subList(buckets.size() + 1, members.size());
        var rows = new ArrayList<Row>();
        for (int i = 0; i < buckets.size(); i++) {
            var opening = members.get(i);
            var closing = members.get(i + 1);
            rows.add(row(buckets.get(i).start(), null, opening, closing));
            for (int l = 0; l < levels.size(); l++) {
                var in = levelMembers.get(l);
                rows.add(row(
                        buckets.get(i).start(),
                        levels.get(l).key(),
                        RoaringBitmap.and(opening, in),
                        RoaringBitmap.and(closing, in)));
            }
        }
        return new Table(
                grain.json(),
                layer == null ? null : layer.key(),
                levels.stream().map(Layer.Level::key).toList(),
                rows);
    }

    private static Row row(LocalDate start, @Nullable String level, RoaringBitmap opening, RoaringBitmap closing) {
        long added = RoaringBitmap.andNotCardinality(closing, opening);
        long lost = RoaringBitmap.andNotCardinality(opening, closing);
        return new Row(
                start, level, opening.getLongCardinality(), added, lost, added - lost, closing.getLongCardinality());
    }

    private Layer layer(String key) {
        return layers.layers().stream()
                .filter(l -> l.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid-request",
                        List.of(new FieldProblem(
                                "layer",
                                "analytics.dimension.unknown",
                                key,
                                String.join(
                                        ", ",
                                        layers.layers().stream().map(Layer::key).toList())))));
    }

    private static JsonNode levelRule(String layer, String level) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("attribute", "layers." + layer)
                .put("op", "eq")
                .put("value", level);
    }
}
