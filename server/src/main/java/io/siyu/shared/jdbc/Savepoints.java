package io.siyu.shared.jdbc;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one record of a batch behind a savepoint of the caller's transaction: a record that fails with a
 * domain problem rolls back alone and is reported, the batch goes on. A dry run rolls back every record.
 */
@Component
public class Savepoints {

    private final TransactionTemplate nested;

    Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @param path the record's name in problems, e.g. {@code customers[3]}; fields are named under it
     * @param rejected the outcome for a record that failed with these problems
     */
    public <T> T record(String path, boolean dryRun, Supplier<T> work, Function<List<FieldProblem>, T> rejected) {
        return Objects.requireNonNull(nested.execute(status -> {
            try {
                var outcome = work.get();
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return outcome;
            } catch (DomainException e) {
                status.setRollbackOnly();
                return rejected.apply(
                        e.fieldProblems().isEmpty()
                                ? List.of(new FieldProblem(path, e.code(), e.arguments()))
                                : e.fieldProblems().stream()
                                        .map(p -> new FieldProblem(
                                                p.field().startsWith(path) ? p.field() : path + "." + p.field(),
                                                p.code(),
                                                p.arguments(),
                                                p.message()))
                                        .toList());
            }
        }));
    }
}
