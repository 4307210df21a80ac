package org.haochaping.exchange;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.OwnerRelay;
import org.haochaping.identity.AuditLog;
import org.haochaping.system.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A person's rating given here of a case a lower-level platform owns goes down to that owner, which handles it
 * (第五条; domain §8, one handler; plan 三(二)). It is queued with the rating, in its transaction, and offered to the
 * owner at once: when the owner already holds a rating of the case, this one is refused with the same 409 a second
 * rating gets locally (第六条: the first rating wins on both sides); when the owner cannot be reached in time, the
 * rating is stored here and the {@code downstream-push} job forwards it once the owner is back.
 */
@Component
class OwnerRelays implements OwnerRelay {

    private static final Logger log = LoggerFactory.getLogger(OwnerRelays.class);

    private final PushJobs jobs;
    private final Inbound inbound;
    private final OutboundRecords records;
    private final ExchangeClient client;
    private final CodeTables codeTables;
    private final Conflicts conflicts;
    private final Owners owners;
    private final PushRetryPolicy policy;
    private final AuditLog audit;
    private final ExchangeSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    OwnerRelays(PushJobs jobs, Inbound inbound, OutboundRecords records, ExchangeClient client, CodeTables codeTables,
            Conflicts conflicts, Owners owners, PushRetryPolicy policy, AuditLog audit, ExchangeSettings settings,
            JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.inbound = inbound;
        this.records = records;
        this.client = client;
        this.codeTables = codeTables;
        this.conflicts = conflicts;
        this.owners = owners;
        this.policy = policy;
        this.audit = audit;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The key of the downward job of a case's rating (unique beside the upward one, {@code caseNo#1}). */
    static String downwardKey(String caseNo) {
        return "D#" + caseNo + "#1";
    }

    @Override
    public void relay(CaseView c, EvaluationView rating) {
        String owner = c.origin().clientId();
        if (inbound.ratingSender(c.caseNo()).filter(owner::equals).isPresent()) {
            return; // the owner's own rating, received from it: it has it
        }
        OffsetDateTime now = Zones.now(clock);
        Optional<String> queued = jobs.enqueue(new PushJobs.NewJob(RecordKind.RATING, downwardKey(c.caseNo()),
                c.caseNo(), rating.id(), c.regionCode(), c.departmentCode(), owner, null), now);
        Optional<ExchangeSettings.Peer> peer = settings.downstreamOf(owner);
        if (queued.isEmpty() || peer.isEmpty()) {
            return; // without an address the job waits in the queue, visible in the console, until one is configured
        }
        String id = queued.get();
        String name = owners.name(owner);
        CodeTables.CodeTable codes = codeTables.table(peer.get().codeTable(), peer.get().codeTableVersion());
        Map<String, String> fields;
        try {
            fields = records.downwardRatingRecord(c, rating, codes).toFields();
        } catch (OutboundRecords.NotPushable e) {
            return; // the downstream-push job puts it in the dead-letter list, with the reason
        }
        ExchangeClient.Answer answer;
        try {
            answer = client.report(peer.get(), fields, true);
        } catch (IOException e) {
            jobs.failed(id, now, now, null, name + "暂时无法连接：" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + "（稍后自动转送）", false, false);
            log.info("Owner {} unreachable for the rating of {}: forwarded later", owner, c.caseNo());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        OffsetDateTime answered = Zones.now(clock);
        if (answer.ok()) {
            jobs.sent(id, answered, codes.version(), answer.status());
            if (fields.containsKey("userName") || fields.containsKey("certKeyGOV")) {
                audit.recordAs("system", "EXCHANGE_PUSH", "case:" + c.caseNo(), "评价人身份随评价转送至办件所属平台"
                        + name + "办理（代码表 " + codes.target() + " v" + codes.version() + "）");
            }
            return;
        }
        if (answer.caseAlreadyRated(json)) {
            conflicts.record(c.caseNo(), Conflicts.Side.SENT, name, null,
                    new Conflicts.Rating(rating.level(), rating.channel(), rating.submittedAt()),
                    new Conflicts.Rating(null, null, null), c.regionCode(), c.departmentCode(), answered);
            throw new CaseAlreadyRated(c.caseNo());
        }
        // refused or failing on the owner's side: the rating stays here and the job keeps trying
        boolean refused = policy.refusesRecord(answer.status());
        jobs.failed(id, answered, refused ? policy.nextAttempt(answered, 1) : answered, answer.status(),
                name + "答复 " + answer.status() + "：" + Deliveries.abbreviate(answer.body()), refused, false);
    }
}
