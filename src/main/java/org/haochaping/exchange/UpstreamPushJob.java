package org.haochaping.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;

/**
 * {@code upstream-push}: sends the due records of the outbox to the upstream, oldest first, each case before its
 * ratings and rectification results. When the upstream cannot be reached the run stops and the record waits its
 * backoff; a record the upstream refuses waits on its own, so it never holds up the others (plan 二(三), 第三条,
 * 第十条).
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
        int sent = 0;
        int refused = 0;
        int dead = 0;
        int conflicts = 0;
        boolean unavailable = false;
        CodeTables.CodeTable codes = codeTables.table(upstream.codeTable(), upstream.codeTableVersion());
        String name = upstream.name() == null || upstream.name().isBlank() ? "上级平台" : upstream.name();
        while (!unavailable) {
            OffsetDateTime now = Zones.now(clock);
            List<PushJobs.PushJob> due = jobs.due(now, settings.retry().batch());
            if (due.isEmpty()) {
                break;
            }
            for (PushJobs.PushJob job : due) {
                if (!jobs.claim(job.id(), now, Zones.now(clock).plus(settings.retry().lease()))) {
                    continue;
                }
                switch (deliveries.deliver(job, upstream, name, codes)) {
                    case SENT -> sent++;
                    case REFUSED -> refused++;
                    case DEAD -> dead++;
                    case CONFLICT -> conflicts++;
                    case UNAVAILABLE -> unavailable = true;
                }
                if (unavailable) {
                    break;
                }
            }
        }
        return sent + " sent, " + refused + " refused, " + dead + " to the dead-letter list"
                + (conflicts > 0 ? ", " + conflicts + " conflicting ratings" : "")
                + (unavailable ? ", upstream unavailable: retrying later" : "");
    }
}
