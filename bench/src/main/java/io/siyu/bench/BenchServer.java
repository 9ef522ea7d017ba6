package io.siyu.bench;

import io.siyu.SiyuApplication;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Siyu for a benchmark: a fresh data folder, a random port, quiet logs. */
final class BenchServer {

    private BenchServer() {}

    /**
     * Starts on a new temporary data folder, or on the folder {@code SIYU_BENCH_DATA_DIR} names: a benchmark
     * can then reuse what an earlier run loaded (loading the 10M data set takes most of an hour).
     *
     * @param more further command-line settings (such as a log level)
     */
    static ConfigurableApplicationContext start(String... more) throws IOException {
        var kept = System.getenv("SIYU_BENCH_DATA_DIR");
        var dataDir = kept == null || kept.isBlank()
                ? Files.createTempDirectory("siyu-bench-")
                : Files.createDirectories(java.nio.file.Path.of(kept));
        // command-line arguments: they outrank application.yml, which builder properties would not
        var args = new java.util.ArrayList<>(java.util.List.of(
                "--siyu.data-dir=" + dataDir,
                "--server.port=0",
                "--siyu.access.admin-password=bench-admin-password",
                "--logging.level.root=warn",
                "--logging.file.name="));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(SiyuApplication.class).run(args.toArray(String[]::new));
    }

    static long size(String[] args, long fallback) {
        return args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : fallback;
    }
}
