package io.siyu.customer;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionTemplate savepoint;

    CustomerBatch(CustomerProfiles profiles, CustomerAttributes attributes, PlatformTransactionManager transactions) {
        this.profiles = profiles;
        this.attributes = attributes;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
            outcomes.add(savepoint.execute(status -> {
                try {
                    var written = profiles.upsert(input, actor);
                    if (dryRun) {
                        status.setRollbackOnly();
                    }
                    return new Outcome(index, written, List.of());
                } catch (DomainException e) {
                    status.setRollbackOnly();
                    var reasons = e.fieldProblems().isEmpty()
                            ? List.of(new FieldProblem(path, e.code(), e.arguments()))
                            : e.fieldProblems().stream()
                                    .map(p -> new FieldProblem(
                                            p.field().startsWith(path) ? p.field() : path + "." + p.field(),
                                            p.code(),
                                            p.arguments(),
                                            p.message()))
                                    .toList();
                    return new Outcome(index, null, reasons);
                }
            }));
        }
        return outcomes;
    }
}
