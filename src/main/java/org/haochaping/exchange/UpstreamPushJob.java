package org.haochaping.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;

/**
 * {@code upstream-push}: sends the due records of the outbox to the upstream, oldest first, each case before its
 * ratings and rectification results, up to {@code hcp.exchange.retry.parallel} records at once (the upstream stores
 * each in its own transaction: sent one at a time, every record would wait for the commits of the one before). When
 * the upstream cannot be reached the run stops and the record waits its backoff; a record the upstream refuses waits
 * on its own, so it never holds up the others (plan 二(三), 第三条, 第十条).
 */
@Component
class UpstreamPushJob implements Job {

    private final PushJobs jobs;
    private final Deliveries deliveries;
    private final CodeTables codeTables;
    private final ExchangeSettings settings;
    private final Clock clock;

    UpstreamPushJob(PushJobs jobs, Deliveries deliveries, CodeTables codeTables, ExchangeSettings settings,
            Clock clock) {
        this.jobs = jobs;
        this.deliveries = deliveries;
        this.codeTables = codeTables;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "upstream-push";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String run() {
        ExchangeSettings.Peer upstream = settings.upstream();
        if (!upstream.configured()) {
            return "no upstream configured";
        }
        Map<Deliveries.Outcome, AtomicInteger> outcomes = new EnumMap<>(Deliveries.Outcome.class);
        for (Deliveries.Outcome outcome : Deliveries.Outcome.values()) {
            outcomes.put(outcome, new AtomicInteger());
        }
        AtomicBoolean unavailable = new AtomicBoolean();
        CodeTables.CodeTable codes = codeTables.table(upstream.codeTable(), upstream.codeTableVersion());
        String name = upstream.name() == null || upstream.name().isBlank() ? "上级平台" : upstream.name();
        int parallel = Math.max(1, settings.retry().parallel());
        ExecutorService senders = Executors.newFixedThreadPool(parallel);
        try {
            while (!unavailable.get()) {
                OffsetDateTime now = Zones.now(clock);
                List<PushJobs.PushJob> due = jobs.due(now, settings.retry().batch());
                if (due.isEmpty()) {
                    break;
                }
                Queue<PushJobs.PushJob> batch = new ConcurrentLinkedQueue<>(due);
                Callable<Void> sender = () -> {
                    PushJobs.PushJob job;
                    while (!unavailable.get() && (job = batch.poll()) != null) {
                        if (!jobs.claim(job.id(), now, Zones.now(clock).plus(settings.retry().lease()))) {
                            continue;
                        }
                        Deliveries.Outcome outcome = deliveries.deliver(job, upstream, name, codes);
                        outcomes.get(outcome).incrementAndGet();
                        if (outcome == Deliveries.Outcome.UNAVAILABLE) {
                            unavailable.set(true);
                        }
                    }
                    return null;
                };
                for (Future<Void> done : senders.invokeAll(Collections.nCopies(parallel, sender))) {
                    done.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            throw new IllegalStateException("upstream-push failed", e.getCause());
        } finally {
            senders.shutdownNow();
        }
        int conflicts = outcomes.get(Deliveries.Outcome.CONFLICT).get();
        return outcomes.get(Deliveries.Outcome.SENT).get() + " sent, " + outcomes.get(Deliveries.Outcome.REFUSED).get()
                + " refused, " + outcomes.get(Deliveries.Outcome.DEAD).get() + " to the dead-letter list"
                + (conflicts > 0 ? ", " + conflicts + " conflicting ratings" : "")
                + (unavailable.get() ? ", upstream unavailable: retrying later" : "");
    }
}
