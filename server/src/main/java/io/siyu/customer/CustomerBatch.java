package io.siyu.customer;

import io.siyu.shared.FieldProblem;
import io.siyu.shared.jdbc.Savepoints;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Upserts many profiles in one transaction, each record behind its own savepoint: a record that fails
 * (bad field, identity conflict) is rolled back alone and reported, the others are kept.
 */
@Service
public class CustomerBatch {

    public static final int MAX_BATCH = 500;

    /** The outcome of one record: written, or the problems that stopped it. */
    public record Outcome(int index, CustomerProfiles.@Nullable Written written, List<FieldProblem> problems) {}

    private final CustomerProfiles profiles;
    private final CustomerAttributes attributes;
    private final Savepoints savepoints;

    CustomerBatch(CustomerProfiles profiles, CustomerAttributes attributes, Savepoints savepoints) {
        this.profiles = profiles;
        this.attributes = attributes;
        this.savepoints = savepoints;
    }

    /** {@code at} names a record in problems, e.g. {@code "customers[%d]"} or {@code "row %d"}. */
    @Transactional
    public List<Outcome> upsert(List<JsonNode> records, String at, String actor, boolean dryRun) {
        var definitions = attributes.all();
        var outcomes = new ArrayList<Outcome>(records.size());
        for (int i = 0; i < records.size(); i++) {
            var path = at.formatted(i);
            var problems = new ArrayList<FieldProblem>();
            var input = ProfileInput.read(records.get(i), path, definitions, attributes, problems);
            if (input.identities().isEmpty() && problems.isEmpty()) {
                problems.add(new FieldProblem(path + ".identities", "customer.identities.required"));
            }
            if (!problems.isEmpty()) {
                outcomes.add(new Outcome(i, null, problems));
                continue;
            }
            int index = i;
            outcomes.add(savepoints.record(
                    path,
                    dryRun,
                    () -> new Outcome(index, profiles.upsert(input, actor), List.of()),
                    reasons -> new Outcome(index, null, reasons)));
        }
        return outcomes;
    }
}
