package org.haochaping.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.AuditLog;
import org.haochaping.system.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one queued record to the platform it is for and records what became of it: delivered; refused (retried,
 * then the dead-letter list); a conflict (the other side answered the one-rating rule's 409: it holds another
 * rating of the case); or the other side could not be reached (retried with backoff for as long as that lasts).
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    enum Outcome {
        SENT, REFUSED, DEAD, CONFLICT, UNAVAILABLE
    }

    private final PushJobs jobs;
    private final OutboundRecords records;
    private final ExchangeClient client;
    private final PushRetryPolicy policy;
    private final Conflicts conflicts;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Deliveries(PushJobs jobs, OutboundRecords records, ExchangeClient client, PushRetryPolicy policy,
            Conflicts conflicts, CaseManagement cases, EvaluationManagement evaluations, AuditLog audit,
            JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.records = records;
        this.client = client;
        this.policy = policy;
        this.conflicts = conflicts;
        this.cases = cases;
        this.evaluations = evaluations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    Outcome deliver(PushJobs.PushJob job, ExchangeSettings.Peer peer, String peerName, CodeTables.CodeTable codes) {
        Map<String, String> fields;
        try {
            fields = build(job, codes);
        } catch (OutboundRecords.NotPushable e) {
            OffsetDateTime now = Zones.now(clock);
            jobs.failed(job.id(), now, now, null, e.getMessage(), false, true);
            log.warn("{} {} for {} cannot be built: {}", job.kind(), job.recordKey(), peerName, e.getMessage());
            return Outcome.DEAD;
        }
        ExchangeClient.Answer answer;
        try {
            answer = client.report(peer, fields);
        } catch (IOException e) {
            return unavailable(job, null, peerName + "无法连接：" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(job, null, "发送被中断");
        }
        OffsetDateTime now = Zones.now(clock);
        if (answer.ok()) {
            jobs.sent(job.id(), now, codes.version(), answer.status());
            if (fields.containsKey("userName") || fields.containsKey("certKeyGOV")) {
                audit.recordAs("system", "EXCHANGE_PUSH", "case:" + job.caseNo(),
                        "评价人/申请人身份随" + job.kind().label() + "发送至" + peerName + "（"
                                + (job.upward() ? "法定汇聚" : "转送办件所属平台办理") + "，代码表 " + codes.target() + " v"
                                + codes.version() + "）");
            }
            return Outcome.SENT;
        }
        String error = peerName + "答复 " + answer.status() + "：" + abbreviate(answer.body());
        if (job.kind() == RecordKind.RATING && answer.caseAlreadyRated(json)) {
            jobs.conflict(job.id(), now, answer.status(), error);
            EvaluationView ours = job.evaluationId() == null ? null : evaluations.find(job.evaluationId()).orElse(null);
            conflicts.record(job.caseNo(), Conflicts.Side.SENT, peerName, job.evaluationId(),
                    ours == null ? new Conflicts.Rating(null, null, null)
                            : new Conflicts.Rating(ours.level(), ours.channel(), ours.submittedAt()),
                    new Conflicts.Rating(null, null, null), job.regionCode(), job.departmentCode(), now);
            log.warn("{} already holds another rating of {}: conflict recorded", peerName, job.caseNo());
            return Outcome.CONFLICT;
        }
        if (!policy.refusesRecord(answer.status())) {
            return unavailable(job, answer.status(), error);
        }
        boolean dead = policy.deadAfter(job.clientFailures() + 1);
        jobs.failed(job.id(), now, policy.nextAttempt(now, job.attempts() + 1), answer.status(), error, true, dead);
        log.warn("{} refused {} {} ({}): {}", peerName, job.kind(), job.recordKey(), answer.status(), error);
        return dead ? Outcome.DEAD : Outcome.REFUSED;
    }

    /** The other side cannot be reached, or fails on its side: the record waits its backoff. */
    Outcome unavailable(PushJobs.PushJob job, Integer status, String error) {
        OffsetDateTime now = Zones.now(clock);
        jobs.failed(job.id(), now, policy.nextAttempt(now, job.attempts() + 1), status, error, false, false);
        log.info("Unavailable for {} {}: {}", job.kind(), job.recordKey(), error);
        return Outcome.UNAVAILABLE;
    }

    private Map<String, String> build(PushJobs.PushJob job, CodeTables.CodeTable codes)
            throws OutboundRecords.NotPushable {
        if (job.kind() == RecordKind.RECTIFICATION) {
            return records.rectificationRecord(job).toFields();
        }
        CaseView c = cases.find(job.caseNo())
                .orElseThrow(() -> new OutboundRecords.NotPushable("办件 " + job.caseNo() + " 不存在。"));
        if (job.kind() == RecordKind.CASE) {
            return records.caseRecord(c, codes).toFields();
        }
        EvaluationView rating = evaluations.find(job.evaluationId())
                .orElseThrow(() -> new OutboundRecords.NotPushable("评价 " + job.evaluationId() + " 不存在。"));
        return (job.upward() ? records.ratingRecord(c, rating, codes) : records.downwardRatingRecord(c, rating, codes))
                .toFields();
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…" : oneLine;
    }
}
