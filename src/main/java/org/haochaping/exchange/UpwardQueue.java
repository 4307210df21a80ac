package org.haochaping.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Queues records for the upstream, once each: a completed case, a rating (after its case) and a rectification
 * result (after its case). Nothing is queued on an instance without an upstream.
 */
@Component
class UpwardQueue {

    private final PushJobs jobs;
    private final ExchangeSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    UpwardQueue(PushJobs jobs, ExchangeSettings settings, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** A rating's key: its case and its evaluation count (assessNumber), as the receiver knows it. */
    static String ratingKey(String caseNo, int assessNumber) {
        return caseNo + "#" + assessNumber;
    }

    /** A rectification result's key: a name-based UUID of its case, kind and time (fits the 64-character key). */
    static String rectificationKey(RectificationRecord r) {
        String time = RectificationRecord.RECTIFIED.equals(r.rectifyStatus()) ? r.rectifyTime() : r.closeTime();
        return UUID.nameUUIDFromBytes((r.projectNo() + "|" + r.rectifyStatus() + "|" + time)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    void completedCase(String caseNo, String regionCode, String departmentCode) {
        if (settings.upstream().configured()) {
            jobs.enqueue(RecordKind.CASE, caseNo, caseNo, null, regionCode, departmentCode, Zones.now(clock));
        }
    }

    void rating(String evaluationId, String caseNo, String regionCode, String departmentCode) {
        if (!settings.upstream().configured()) {
            return;
        }
        var now = Zones.now(clock);
        jobs.enqueue(RecordKind.CASE, caseNo, caseNo, null, regionCode, departmentCode, now);
        jobs.enqueue(RecordKind.RATING, ratingKey(caseNo, 1), caseNo, evaluationId, regionCode, departmentCode, now);
    }

    /** A rectification result, with its facts as they are now (a later result of the same order is another record). */
    void rectification(RectificationRecord result, String regionCode, String departmentCode, String evaluationId) {
        if (!settings.upstream().configured()) {
            return;
        }
        var now = Zones.now(clock);
        jobs.enqueue(RecordKind.CASE, result.projectNo(), result.projectNo(), null, regionCode, departmentCode, now);
        RectificationRecord facts = result.at(null, null, null);
        jobs.enqueue(new PushJobs.NewJob(RecordKind.RECTIFICATION, rectificationKey(result), result.projectNo(),
                evaluationId, regionCode, departmentCode, null, json.writeValueAsString(facts.toFields())), now);
    }
}
