package org.haochaping.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.CurrentUser;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange contract of {@code api.md}: lower-level platforms and other vendors' systems report records (signed,
 * JSON or provincial form fields) and read their daily counts, the upper platform forwards ratings given above of
 * cases owned here; staff read the local side of the reconciliation (with the rating conflicts), the dead-letter
 * list and the loops of the cases lower-level platforms handle.
 */
@RestController
class ExchangeApiController {

    /** The answer to a report: what the record was and what became of it. */
    record ReportAnswer(String projectNo, RecordKind kind, Integer assessNumber, InboundReports.Result result,
            String evaluationId) {
    }

    record DailyCounts(LocalDate date, String sender, long cases, long ratings, long rectifications) {
    }

    /** What a sender says it sent here on a day (its side of the reconciliation). */
    record Claim(LocalDate date, Long cases, Long ratings, Long rectifications) {
    }

    record ReconciliationAnswer(LocalDate date, String upstream, boolean checked, boolean matches,
            OffsetDateTime checkedAt, List<Reconciliations.Line> kinds, long pending, long dead,
            List<ConflictLine> conflicts, Downward downward, List<SenderClaims.SenderDay> senders) {
    }

    /** A rating of a case met another rating of it on the other level (第六条). */
    record ConflictLine(String caseNo, Conflicts.Side side, String sideLabel, String peer, String evaluationId,
            Conflicts.Rating ours, Conflicts.Rating theirs, OffsetDateTime detectedAt) {

        static ConflictLine of(Conflicts.Conflict c) {
            return new ConflictLine(c.caseNo(), c.side(), c.side().label(), c.peer(), c.evaluationId(), c.ours(),
                    c.theirs(), c.detectedAt());
        }
    }

    /** The ratings given here going down to the platforms that own their cases. */
    record Downward(long pending, long dead, long sentToday, long conflicts) {
    }

    /** A record waiting for an operator; {@code target} names the lower-level platform of a rating going down. */
    record DeadLetter(String id, RecordKind kind, String caseNo, int attempts, Integer lastStatus, String lastError,
            OffsetDateTime lastAttemptAt, OffsetDateTime createdAt, String target) {
    }

    private final InboundReports reports;
    private final Inbound inbound;
    private final Reconciliations reconciliations;
    private final DeadLetters deadLetters;
    private final PushJobs jobs;
    private final Conflicts conflicts;
    private final LoopViews loops;
    private final SenderClaims claims;
    private final Repushes repushes;
    private final ExchangeSettings settings;
    private final Clock clock;

    ExchangeApiController(InboundReports reports, Inbound inbound, Reconciliations reconciliations,
            DeadLetters deadLetters, PushJobs jobs, Conflicts conflicts, LoopViews loops, SenderClaims claims,
            Repushes repushes, ExchangeSettings settings, Clock clock) {
        this.reports = reports;
        this.inbound = inbound;
        this.reconciliations = reconciliations;
        this.deadLetters = deadLetters;
        this.jobs = jobs;
        this.conflicts = conflicts;
        this.loops = loops;
        this.claims = claims;
        this.repushes = repushes;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/exchange/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportAnswer> reportJson(@RequestBody Map<String, Object> body,
            @AuthenticationPrincipal Object principal) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (value instanceof Map || value instanceof List) {
                throw FieldProblem.of(name, "须为文本或数字");
            }
            fields.put(name, value == null ? null : String.valueOf(value));
        });
        return report(sender(principal), fields);
    }

    @PostMapping(path = "/api/v1/exchange/reports", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<ReportAnswer> reportForm(@RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal Object principal) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        return report(sender(principal), fields);
    }

    private ResponseEntity<ReportAnswer> report(ApiClientPrincipal sender, Map<String, String> fields) {
        InboundReports.Outcome outcome = reports.receive(sender, fields);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ReportAnswer(outcome.projectNo(), outcome.kind(), outcome.assessNumber(), outcome.result(),
                        outcome.evaluationId()));
    }

    /** For the sender's reconciliation: what was first received from the calling sender on a day. */
    @GetMapping("/api/v1/exchange/daily-counts")
    DailyCounts dailyCounts(@RequestParam(required = false) LocalDate date, @AuthenticationPrincipal Object principal) {
        ApiClientPrincipal sender = sender(principal);
        LocalDate day = date == null ? Zones.now(clock).toLocalDate() : date;
        return counts(sender, day);
    }

    /**
     * The same, for a sender that says what it sent that day: its claim is kept for the receiving side's
     * reconciliation (per sender and day, claimed against received), and the answer is what arrived here.
     */
    @PostMapping(path = "/api/v1/exchange/daily-counts", consumes = MediaType.APPLICATION_JSON_VALUE)
    DailyCounts claim(@RequestBody Claim claim, @AuthenticationPrincipal Object principal) {
        ApiClientPrincipal sender = sender(principal);
        if (claim.date() == null) {
            throw FieldProblem.of("date", "不能为空");
        }
        Map<RecordKind, Long> claimed = new EnumMap<>(RecordKind.class);
        claimed.put(RecordKind.CASE, count("cases", claim.cases()));
        claimed.put(RecordKind.RATING, count("ratings", claim.ratings()));
        claimed.put(RecordKind.RECTIFICATION, count("rectifications", claim.rectifications()));
        if (claim.date().isAfter(Zones.now(clock).toLocalDate())) {
            throw FieldProblem.of("date", "不能是未来的日期");
        }
        DailyCounts received = counts(sender, claim.date());
        claims.store(sender.clientId(), claim.date(), claimed, Map.of(RecordKind.CASE, received.cases(),
                RecordKind.RATING, received.ratings(), RecordKind.RECTIFICATION, received.rectifications()),
                Zones.now(clock));
        return received;
    }

    private static long count(String field, Long value) {
        if (value == null || value < 0) {
            throw FieldProblem.of(field, "须为不小于 0 的整数");
        }
        return value;
    }

    private DailyCounts counts(ApiClientPrincipal sender, LocalDate day) {
        Map<RecordKind, Long> counts = inbound.counts(sender.clientId(), day);
        return new DailyCounts(day, sender.clientId(), counts.get(RecordKind.CASE), counts.get(RecordKind.RATING),
                counts.get(RecordKind.RECTIFICATION));
    }

    @GetMapping("/api/v1/exchange/reconciliation")
    ReconciliationAnswer reconciliation(@RequestParam(required = false) LocalDate date,
            @AuthenticationPrincipal Object principal) {
        CurrentUser user = staff(principal);
        DeadLetters.requireReader(user);
        OffsetDateTime now = Zones.now(clock);
        Reconciliations.Day day = reconciliations.day(date == null ? now.toLocalDate() : date);
        PushJobs.Summary summary = jobs.summary(now.toLocalDate(), now, user.scope());
        PushJobs.Summary down = jobs.summary(now.toLocalDate(), now, user.scope(), true);
        return new ReconciliationAnswer(day.date(),
                settings.upstream().configured() ? settings.upstream().baseUrl() : null, day.checked(),
                day.matches(), day.checkedAt(), day.lines(), summary.pending(), summary.dead(),
                conflicts.on(day.date(), user.scope()).stream().map(ConflictLine::of).toList(),
                new Downward(down.pending(), down.dead(), down.sentToday(), down.conflicts()),
                claims.on(day.date()));
    }

    /** An operator's re-push of a day: every record sent to the upstream that day goes back in the queue. */
    @PostMapping("/api/v1/exchange/reconciliation/{date}/repush")
    Repushes.Requeued repush(@PathVariable LocalDate date, @AuthenticationPrincipal Object principal) {
        return repushes.repush(date, staff(principal));
    }

    /** The bad ratings of cases that lower-level platforms own and handle, with where their loop stands. */
    @GetMapping("/api/v1/exchange/loops")
    LoopViews.Page loops(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal Object principal) {
        return loops.list(staff(principal), page, size);
    }

    /** The whole loop of one such case: the rating, its way to the owner and the owner's rectification results. */
    @GetMapping("/api/v1/exchange/loops/{caseNo}")
    LoopViews.Detail loop(@PathVariable String caseNo, @AuthenticationPrincipal Object principal) {
        return loops.detail(caseNo, staff(principal));
    }

    @GetMapping("/api/v1/exchange/dead-letters")
    Map<String, Object> deadLetters(@AuthenticationPrincipal Object principal) {
        List<DeadLetter> items = deadLetters.list(staff(principal)).stream()
                .map(j -> new DeadLetter(j.id(), j.kind(), j.caseNo(), j.attempts(), j.lastStatus(), j.lastError(),
                        j.lastAttemptAt(), j.createdAt(), j.target()))
                .toList();
        return Map.of("items", items, "total", items.size());
    }

    @PostMapping("/api/v1/exchange/dead-letters/{id}/retry")
    Map<String, String> retry(@PathVariable String id, @AuthenticationPrincipal Object principal) {
        deadLetters.retry(id, staff(principal));
        return Map.of("id", id, "status", PushJobs.Status.PENDING.name());
    }

    /**
     * Who may report: lower-level platforms and business systems (cases, ratings, rectification results), and the
     * upper platform, registered here as a trusted platform, which forwards ratings given above of cases owned here.
     */
    private static ApiClientPrincipal sender(Object principal) {
        if (principal instanceof ApiClientPrincipal client && (client.kind() == ApiClientPrincipal.Kind.LOWER_PLATFORM
                || client.kind() == ApiClientPrincipal.Kind.BUSINESS_SYSTEM
                || client.kind() == ApiClientPrincipal.Kind.PLATFORM)) {
            return client;
        }
        throw DomainProblem.forbidden("只有经签名认证的下级平台、业务系统或上级平台可以报送和对账。");
    }

    private static CurrentUser staff(Object principal) {
        if (principal instanceof CurrentUser user) {
            return user;
        }
        throw DomainProblem.forbidden("请使用工作人员的访问令牌。");
    }
}
