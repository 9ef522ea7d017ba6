package io.siyu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IntegrationTests} class: the whole application on a random port against one
 * embedded PostgreSQL per test JVM (Spring caches the context, so it starts once). Tests create their own
 * tenants and never depend on another class's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestTenants tenants;

    @Autowired
    protected TenantSql sql;

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("siyu.data-dir", DATA_DIR::toString);
    }

    /** Retries {@code assertion} for up to five seconds: for what background work applies after a commit. */
    protected static void eventually(Runnable assertion) {
        eventually(java.time.Duration.ofSeconds(5), assertion);
    }

    /** Retries {@code assertion} for up to {@code wait}: for work that waits on purpose (a backoff). */
    protected static void eventually(java.time.Duration wait, Runnable assertion) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("siyu-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
