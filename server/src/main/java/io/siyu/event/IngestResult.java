package io.siyu.event;

import io.siyu.shared.FieldProblem;
import java.util.List;

/**
 * What became of a batch: every record is accepted (new), a duplicate of one already stored (same event id
 * and timestamp: nothing changed), or rejected with the problems that name its bad fields.
 */
public record IngestResult(List<Accepted> accepted, List<Duplicate> duplicates, List<Rejected> rejected) {

    public record Accepted(int index, String eventId, long customerId) {}

    public record Duplicate(int index, String eventId) {}

    public record Rejected(int index, String eventId, List<FieldProblem> problems) {}

    public IngestResult {
        accepted = List.copyOf(accepted);
        duplicates = List.copyOf(duplicates);
        rejected = List.copyOf(rejected);
    }
}
