package io.siyu.layering;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * How RFM scores customers who bought, 1 (worst) to 5 (best) on each of recency, frequency and monetary
 * value; a score of at least {@code highFrom} counts as "high" for the eight groups.
 *
 * @param recency days since the last purchase at most which a customer scores 5, 4, 3, 2 (ascending)
 * @param frequency orders from which a customer scores 2, 3, 4, 5 (ascending)
 * @param monetary GMV in yuan from which a customer scores 2, 3, 4, 5 (ascending)
 * @param computedAt when quintile cut points were last computed from the customers
 */
public record RfmScoring(
        Mode mode,
        List<Integer> recency,
        List<Integer> frequency,
        List<BigDecimal> monetary,
        int highFrom,
        @Nullable Instant computedAt) {

    /** Quintiles: cut points computed daily so that each score holds about a fifth of the buyers. */
    public enum Mode {
        QUINTILES,
        THRESHOLDS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final RfmScoring DEFAULT = new RfmScoring(
            Mode.THRESHOLDS,
            List.of(30, 90, 180, 365),
            List.of(2, 3, 5, 8),
            List.of(new BigDecimal("200"), new BigDecimal("500"), new BigDecimal("1000"), new BigDecimal("3000")),
            3,
            null);

    public RfmScoring {
        recency = List.copyOf(recency);
        frequency = List.copyOf(frequency);
        monetary = List.copyOf(monetary);
        var problems = new ArrayList<FieldProblem>();
        check("recency", recency, 0, problems);
        check("frequency", frequency, 1, problems);
        check("monetary", monetary.stream().map(BigDecimal::doubleValue).toList(), 0, problems);
        if (highFrom < 2 || highFrom > 5) {
            problems.add(new FieldProblem("highFrom", "layer.rfm.high-from"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
    }

    private static void check(String field, List<? extends Number> cuts, double least, List<FieldProblem> problems) {
        boolean ascending = cuts.size() == 4;
        for (int i = 0; ascending && i < cuts.size(); i++) {
            ascending = cuts.get(i).doubleValue() >= least
                    && (i == 0 || cuts.get(i).doubleValue() >= cuts.get(i - 1).doubleValue());
        }
        if (!ascending) {
            problems.add(new FieldProblem(field, "layer.rfm.cuts", least));
        }
    }

    /** The most days since the last purchase that still scores {@code score} (2-5) or better. */
    int recencyFor(int score) {
        return recency.get(5 - score);
    }

    /** The fewest orders that score {@code score} (2-5) or better. */
    int frequencyFor(int score) {
        return frequency.get(score - 2);
    }

    BigDecimal monetaryFor(int score) {
        return monetary.get(score - 2);
    }
}
