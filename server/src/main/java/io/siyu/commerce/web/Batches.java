package io.siyu.commerce.web;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Reads {@code {"<member>": [ ... ]}} batches, refusing a missing array or one over the limit. */
final class Batches {

    private Batches() {}

    static List<JsonNode> records(JsonNode body, String member, int max) {
        var records = body.get(member);
        if (records == null || !records.isArray()) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem(member, "commerce.batch.not-array", member)));
        }
        if (records.size() > max) {
            throw new DomainException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "commerce.batch.too-large",
                    List.of(new FieldProblem(member, "commerce.batch.too-large", max)),
                    max);
        }
        var list = new ArrayList<JsonNode>(records.size());
        records.forEach(list::add);
        return list;
    }
}
