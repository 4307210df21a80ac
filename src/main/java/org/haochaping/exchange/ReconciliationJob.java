package org.haochaping.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.haochaping.identity.DataScope;
import org.haochaping.system.Zones;
import org.haochaping.system.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reconciliation} (对账): tells the upstream how many records this instance sent it yesterday and today (the
 * upstream keeps that for its side of the reconciliation) and gets back how many it received, compares the two and
 * records the differences for the console, where an operator can re-push a day that differs.
 */
@Component
class ReconciliationJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ExchangeClient upstream;
    private final PushJobs jobs;
    private final Reconciliations reconciliations;
    private final ExchangeSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    ReconciliationJob(ExchangeClient upstream, PushJobs jobs, Reconciliations reconciliations,
            ExchangeSettings settings, JsonMapper json, Clock clock) {
        this.upstream = upstream;
        this.jobs = jobs;
        this.reconciliations = reconciliations;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reconciliation";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public String run() {
        if (!settings.upstream().configured()) {
            return "no upstream configured";
        }
        LocalDate today = Zones.now(clock).toLocalDate();
        List<String> results = new ArrayList<>();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Map<RecordKind, Long> pushed = jobs.sentOn(day, DataScope.everything());
            ExchangeClient.Answer answer;
            try {
                // says what this instance sent, so that the upstream reconciles its side too, and gets its counts
                answer = upstream.post(settings.upstream(), ExchangeClient.DAILY_COUNTS, Map.of("date", day.toString(),
                        "cases", pushed.get(RecordKind.CASE), "ratings", pushed.get(RecordKind.RATING),
                        "rectifications", pushed.get(RecordKind.RECTIFICATION)));
                if (answer.status() == 404 || answer.status() == 405) {
                    // an upstream of another vendor that only answers the GET of the contract
                    answer = upstream.get(settings.upstream(), ExchangeClient.DAILY_COUNTS + "?date=" + day);
                }
            } catch (IOException e) {
                return "upstream unavailable: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            if (answer.status() != 200) {
                return "upstream answered " + answer.status() + " for " + day;
            }
            JsonNode counts = json.readTree(answer.body());
            Map<RecordKind, Long> received = new EnumMap<>(RecordKind.class);
            received.put(RecordKind.CASE, counts.path("cases").asLong(0));
            received.put(RecordKind.RATING, counts.path("ratings").asLong(0));
            received.put(RecordKind.RECTIFICATION, counts.path("rectifications").asLong(0));
            reconciliations.store(day, pushed, received, Zones.now(clock));
            boolean same = pushed.equals(received);
            if (!same) {
                log.warn("Reconciliation {}: pushed {} but the upstream received {}", day, pushed, received);
            }
            results.add(day + (same ? " matches" : " differs: pushed " + pushed + ", upstream received " + received));
        }
        return String.join("; ", results);
    }
}
