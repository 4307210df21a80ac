package org.haochaping.analytics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The dashboard's reads run side by side: the summary, the series and each rollup's rankings are independent
 * queries, and a page over a year waits for the slowest of them instead of their sum. A few threads shared by all
 * dashboards, so that they never take more than that many database connections together.
 */
@Component
class DashboardReads {

    static final int THREADS = 4;

    private final ExecutorService threads;

    DashboardReads() {
        CustomizableThreadFactory factory = new CustomizableThreadFactory("dashboard-");
        factory.setDaemon(true);
        this.threads = Executors.newFixedThreadPool(THREADS, factory);
    }

    <T> CompletableFuture<T> start(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, threads);
    }

    /** The read's answer; its exception as it was thrown (a 400 stays a 400). */
    static <T> T result(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
