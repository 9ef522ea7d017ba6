package io.siyu.growth;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who invited whom across campaigns as a forest of customers: a customer invited more than once (in two campaigns,
 * or by a campaign and a member referral) hangs under whoever invited them first. Generations count from the
 * customers nobody invited; a customer's chain is how many generations hang below them. Invitations that go round
 * in a circle (possible across campaigns that do not require new friends) are cut where the circle's lowest
 * customer id is.
 */
final class ReferralForest {

    /** One invitation: {@code campaignId} null for a member referral. */
    record Edge(long from, long to, @Nullable Long campaignId, Instant at) {}

    private final List<Edge> edges;
    private final Map<Long, Integer> generation = new HashMap<>();
    private final Map<Long, Integer> chain = new HashMap<>();
    private final Map<Long, List<Edge>> out = new HashMap<>();

    ReferralForest(List<Edge> edges) {
        this.edges = edges.stream().filter(e -> e.from() != e.to()).toList();
        var parent = new HashMap<Long, Long>();
        this.edges.stream()
                .sorted(Comparator.comparing(Edge::at).thenComparingLong(Edge::from))
                .forEach(e -> parent.putIfAbsent(e.to(), e.from()));
        var children = new HashMap<Long, List<Long>>();
        var nodes = new TreeSet<Long>();
        for (var e : this.edges) {
            nodes.add(e.from());
            nodes.add(e.to());
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }
        parent.forEach((child, p) ->
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(child));
        var order = new ArrayList<Long>();
        nodes.stream().filter(n -> !parent.containsKey(n)).forEach(root -> walk(root, children, order));
        // what is left is a circle or hangs off one: cut each circle at its lowest id
        for (long node : nodes) {
            if (!generation.containsKey(node)) {
                walk(lowestOnCircle(node, parent), children, order);
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            long node = order.get(i);
            int below = 0;
            for (long child : children.getOrDefault(node, List.of())) {
                if (generation.get(child).intValue() == generation.get(node) + 1) {
                    below = Math.max(below, chain.get(child) + 1);
                }
            }
            chain.put(node, below);
        }
    }

    /** Going up from {@code node} (every step has a parent: no root was reached), the circle's lowest id. */
    private static long lowestOnCircle(long node, Map<Long, Long> parent) {
        var path = new LinkedHashSet<Long>();
        long at = node;
        while (path.add(at)) {
            at = parent.get(at);
        }
        long lowest = at;
        for (long on = parent.get(at); on != at; on = parent.get(on)) {
            lowest = Math.min(lowest, on);
        }
        return lowest;
    }

    private void walk(long root, Map<Long, List<Long>> children, List<Long> order) {
        var queue = new ArrayDeque<Long>();
        generation.put(root, 0);
        queue.add(root);
        while (!queue.isEmpty()) {
            long node = queue.poll();
            order.add(node);
            for (long child : children.getOrDefault(node, List.of())) {
                if (!generation.containsKey(child)) {
                    generation.put(child, generation.get(node) + 1);
                    queue.add(child);
                }
            }
        }
    }

    List<Edge> edges() {
        return edges;
    }

    /** The generation of a customer in the forest (0: nobody invited them); -1 when not in it. */
    int generation(long customer) {
        return generation.getOrDefault(customer, -1);
    }

    /** How many generations hang below a customer (0 when nobody they invited is in the forest). */
    int chain(long customer) {
        return chain.getOrDefault(customer, 0);
    }

    int maxGeneration() {
        return generation.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Customers by generation, from 0. */
    List<long[]> generations() {
        var counts = new long[maxGeneration() + 1];
        generation.values().forEach(g -> counts[g]++);
        var list = new ArrayList<long[]>();
        for (int g = 0; g < counts.length && !generation.isEmpty(); g++) {
            list.add(new long[] {g, counts[g]});
        }
        return list;
    }

    /**
     * Everyone reachable from {@code roots} by invitations, nearest first, at most {@code max} customers; with
     * the invitations among them.
     */
    Set<Long> reach(List<Long> roots, int max) {
        var seen = new LinkedHashSet<Long>();
        var queue = new ArrayDeque<Long>();
        for (long root : roots) {
            if (seen.size() < max && seen.add(root)) {
                queue.add(root);
            }
        }
        while (!queue.isEmpty()) {
            for (var e : out.getOrDefault(queue.poll(), List.of())) {
                if (seen.size() >= max) {
                    return seen;
                }
                if (seen.add(e.to())) {
                    queue.add(e.to());
                }
            }
        }
        return seen;
    }
}
