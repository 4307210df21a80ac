package org.haochaping.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;

/**
 * {@code downstream-push}: forwards the ratings given here of cases that lower-level platforms own down to those
 * owners, which handle them (第五条; domain §8, one handler), oldest first. A platform that cannot be reached, or
 * that has no address configured here yet, waits with backoff without holding up the others; nothing is dropped.
 */
@Component
class DownstreamPushJob implements Job {

    private final PushJobs jobs;
    private final Deliveries deliveries;
    private final CodeTables codeTables;
    private final Owners owners;
    private final ExchangeSettings settings;
    private final Clock clock;

    DownstreamPushJob(PushJobs jobs, Deliveries deliveries, CodeTables codeTables, Owners owners,
            ExchangeSettings settings, Clock clock) {
        this.jobs = jobs;
        this.deliveries = deliveries;
        this.codeTables = codeTables;
        this.owners = owners;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "downstream-push";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String run() {
        int sent = 0;
        int refused = 0;
        int dead = 0;
        int conflicts = 0;
        Set<String> unavailable = new HashSet<>();
        Set<String> waiting = new TreeSet<>(); // targets unavailable or without an address, for the answer
        while (true) {
            OffsetDateTime now = Zones.now(clock);
            List<PushJobs.PushJob> due = jobs.dueDownward(now, settings.retry().batch(), unavailable);
            if (due.isEmpty()) {
                break;
            }
            for (PushJobs.PushJob job : due) {
                if (unavailable.contains(job.target())
                        || !jobs.claim(job.id(), now, Zones.now(clock).plus(settings.retry().lease()))) {
                    continue;
                }
                Optional<ExchangeSettings.Peer> peer = settings.downstreamOf(job.target());
                String name = owners.name(job.target());
                if (peer.isEmpty()) {
                    deliveries.unavailable(job, null, "未配置" + name + "的地址（hcp.exchange.downstream." + job.target()
                            + ".url），配置后自动转送");
                    waiting.add(job.target()); // each waiting rating shows why; nothing goes over the network
                    continue;
                }
                CodeTables.CodeTable codes = codeTables.table(peer.get().codeTable(), peer.get().codeTableVersion());
                switch (deliveries.deliver(job, peer.get(), name, codes)) {
                    case SENT -> sent++;
                    case REFUSED -> refused++;
                    case DEAD -> dead++;
                    case CONFLICT -> conflicts++;
                    case UNAVAILABLE -> {
                        unavailable.add(job.target());
                        waiting.add(job.target());
                    }
                }
            }
        }
        return sent + " forwarded, " + refused + " refused, " + dead + " to the dead-letter list"
                + (conflicts > 0 ? ", " + conflicts + " conflicting ratings" : "")
                + (waiting.isEmpty() ? "" : ", unavailable: " + String.join(", ", waiting) + " (retrying later)");
    }
}
