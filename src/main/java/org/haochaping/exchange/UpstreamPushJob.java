package org.haochaping.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.AuditLog;
import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code upstream-push}: sends the due records of the outbox to the upstream, oldest first, each case before its
 * rating. When the upstream cannot be reached the run stops and the record waits its backoff; a record the upstream
 * refuses waits on its own, so it never holds up the others (plan 二(三), 第三条).
 */
@Component
class UpstreamPushJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(UpstreamPushJob.class);

    private enum Outcome {
        SENT, REFUSED, DEAD, UNAVAILABLE
    }

    private final PushJobs jobs;
    private final OutboundRecords records;
    private final UpstreamClient upstream;
    private final CodeTables codeTables;
    private final PushRetryPolicy policy;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final AuditLog audit;
    private final ExchangeSettings settings;
    private final Clock clock;

    UpstreamPushJob(PushJobs jobs, OutboundRecords records, UpstreamClient upstream, CodeTables codeTables,
            PushRetryPolicy policy, CaseManagement cases, EvaluationManagement evaluations, AuditLog audit,
            ExchangeSettings settings, Clock clock) {
        this.jobs = jobs;
        this.records = records;
        this.upstream = upstream;
        this.codeTables = codeTables;
        this.policy = policy;
        this.cases = cases;
        this.evaluations = evaluations;
        this.audit = audit;
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
        if (!settings.upstream().configured()) {
            return "no upstream configured";
        }
        int sent = 0;
        int refused = 0;
        int dead = 0;
        boolean unavailable = false;
        CodeTables.CodeTable codes = codeTables.table(settings.upstream().codeTable(),
                settings.upstream().codeTableVersion());
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
                Outcome outcome = push(job, codes);
                switch (outcome) {
                    case SENT -> sent++;
                    case REFUSED -> refused++;
                    case DEAD -> dead++;
                    case UNAVAILABLE -> unavailable = true;
                }
                if (unavailable) {
                    break;
                }
            }
        }
        return sent + " sent, " + refused + " refused, " + dead + " to the dead-letter list"
                + (unavailable ? ", upstream unavailable: retrying later" : "");
    }

    private Outcome push(PushJobs.PushJob job, CodeTables.CodeTable codes) {
        ExchangeRecord record;
        try {
            record = build(job, codes);
        } catch (OutboundRecords.NotPushable e) {
            OffsetDateTime now = Zones.now(clock);
            jobs.failed(job.id(), now, now, null, e.getMessage(), false, true);
            log.warn("Push of {} {} cannot be built: {}", job.kind(), job.recordKey(), e.getMessage());
            return Outcome.DEAD;
        }
        UpstreamClient.Answer answer;
        try {
            answer = upstream.report(record.toFields());
        } catch (IOException e) {
            return unavailable(job, null, "上级平台无法连接：" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(job, null, "推送被中断");
        }
        OffsetDateTime now = Zones.now(clock);
        if (answer.status() >= 200 && answer.status() < 300) {
            jobs.sent(job.id(), now, codes.version(), answer.status());
            if (record.userName() != null || record.certKeyGOV() != null) {
                audit.recordAs("system", "EXCHANGE_PUSH", "case:" + job.caseNo(),
                        "评价人/申请人身份随" + job.kind().label() + "推送至上级平台（法定汇聚，代码表 " + codes.target() + " v"
                                + codes.version() + "）");
            }
            return Outcome.SENT;
        }
        String error = "上级平台答复 " + answer.status() + "：" + abbreviate(answer.body());
        if (!policy.refusesRecord(answer.status())) {
            return unavailable(job, answer.status(), error);
        }
        boolean dead = policy.deadAfter(job.clientFailures() + 1);
        jobs.failed(job.id(), now, policy.nextAttempt(now, job.attempts() + 1), answer.status(), error, true, dead);
        log.warn("Upstream refused {} {} ({}): {}", job.kind(), job.recordKey(), answer.status(), error);
        return dead ? Outcome.DEAD : Outcome.REFUSED;
    }

    private Outcome unavailable(PushJobs.PushJob job, Integer status, String error) {
        OffsetDateTime now = Zones.now(clock);
        jobs.failed(job.id(), now, policy.nextAttempt(now, job.attempts() + 1), status, error, false, false);
        log.info("Upstream unavailable for {} {}: {}", job.kind(), job.recordKey(), error);
        return Outcome.UNAVAILABLE;
    }

    private ExchangeRecord build(PushJobs.PushJob job, CodeTables.CodeTable codes) throws OutboundRecords.NotPushable {
        CaseView c = cases.find(job.caseNo())
                .orElseThrow(() -> new OutboundRecords.NotPushable("办件 " + job.caseNo() + " 不存在。"));
        return switch (job.kind()) {
            case CASE -> records.caseRecord(c, codes);
            case RATING -> {
                Optional<EvaluationView> rating = evaluations.find(job.evaluationId());
                if (rating.isEmpty()) {
                    throw new OutboundRecords.NotPushable("评价 " + job.evaluationId() + " 不存在。");
                }
                yield records.ratingRecord(c, rating.get(), codes);
            }
            case RECTIFICATION -> throw new OutboundRecords.NotPushable("整改结果的推送尚未支持。");
        };
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…" : oneLine;
    }
}
