package io.siyu.transfer;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An import or export job. {@code status} is uploaded, running, done, failed, or interrupted (running, but
 * not heard of for {@link Jobs#STALE}: the server stopped while it ran; starting it again is safe).
 */
public record Job(
        long id,
        String kind,
        String entity,
        String format,
        @Nullable String encoding,
        String fileName,
        String status,
        Map<String, String> mapping,
        long totalRows,
        long processedRows,
        long acceptedRows,
        long rejectedRows,
        @Nullable String message,
        String createdBy,
        Instant createdAt,
        @Nullable Instant finishedAt) {}
