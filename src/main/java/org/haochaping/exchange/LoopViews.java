package org.haochaping.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.system.DomainProblem;
import org.springframework.stereotype.Service;

/**
 * The whole loop of a bad rating of a case that a lower-level platform owns, as this instance sees it (第十条; domain
 * §8, one handler): the rating — given here and forwarded down, or received from the owner —, whether it reached the
 * owner, and the owner's rectification results (measures, root cause, time, outcome). No personal data.
 */
@Service
class LoopViews {

    /** A rectification result as shown. */
    record Result(String status, String statusLabel, OffsetDateTime at, RootCause rootCause, String rootCauseLabel,
            String measures, Boolean onTime, WorkOrderOutcome outcome, String outcomeLabel, OffsetDateTime receivedAt) {

        static Result of(ReceivedRectifications.Result r) {
            return new Result(r.status(), r.statusLabel(), r.happenedAt(), r.rootCause(),
                    r.rootCause() == null ? null : r.rootCause().label(), r.measures(), r.onTime(), r.outcome(),
                    r.outcome() == null ? null : r.outcome().label(), r.receivedAt());
        }
    }

    /** How the rating given here stands on its way down to the owner. */
    record Forwarding(PushJobs.Status status, String statusLabel, int attempts, String lastError,
            OffsetDateTime sentAt) {
    }

    /** One line of the list: the rating and where its loop stands. */
    record Line(String caseNo, String itemName, String handledBy, Level level, String levelLabel, Channel channel,
            boolean ratedHere, OffsetDateTime ratedAt, String stage, Result latest) {
    }

    /** A case's loop in full. */
    record Detail(String caseNo, String itemName, String departmentCode, String departmentName, String regionCode,
            String regionName, String handledBy,
            String evaluationId, Level level, String levelLabel, Channel channel, OffsetDateTime ratedAt,
            boolean ratedHere, boolean valid, String comment, Forwarding forwarding, List<Result> results,
            String stage, List<Conflicts.Conflict> conflicts) {
    }

    record Page(List<Line> items, int page, int size, long total) {
    }

    private final Loops loops;
    private final ReceivedRectifications results;
    private final PushJobs jobs;
    private final Conflicts conflicts;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;

    LoopViews(Loops loops, ReceivedRectifications results, PushJobs jobs, Conflicts conflicts, CaseManagement cases,
            EvaluationManagement evaluations, CatalogManagement catalog) {
        this.loops = loops;
        this.results = results;
        this.jobs = jobs;
        this.conflicts = conflicts;
        this.cases = cases;
        this.evaluations = evaluations;
        this.catalog = catalog;
    }

    Page list(CurrentUser user, Integer page, Integer size) {
        DeadLetters.requireReader(user);
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size < 1 ? 50 : Math.min(size, 200);
        List<Loops.Loop> found = loops.page(user.scope(), p, s);
        Map<String, List<ReceivedRectifications.Result>> byCase = results.forCases(
                found.stream().map(Loops.Loop::caseNo).toList()).stream()
                .collect(Collectors.groupingBy(ReceivedRectifications.Result::caseNo));
        List<Line> lines = found.stream().map(l -> {
            List<ReceivedRectifications.Result> rs = byCase.getOrDefault(l.caseNo(), List.of());
            Result latest = rs.isEmpty() ? null : Result.of(rs.get(rs.size() - 1));
            return new Line(l.caseNo(), l.itemName(), l.ownerName(), l.level(), l.level().label(), l.channel(),
                    l.ratedHere(), l.ratedAt(), stage(rs), latest);
        }).toList();
        return new Page(lines, p, s, loops.count(user.scope()));
    }

    Detail detail(String caseNo, CurrentUser user) {
        DeadLetters.requireReader(user);
        CaseView c = cases.find(caseNo)
                .filter(found -> !found.ownedHere()
                        && user.scope().covers(found.regionCode(), found.departmentCode(), null, null))
                .orElseThrow(() -> DomainProblem.notFound("没有由下级平台办理的办件：" + caseNo));
        EvaluationView rating = evaluations.forCase(caseNo).orElse(null);
        List<ReceivedRectifications.Result> rs = results.forCase(caseNo);
        Forwarding forwarding = jobs.downwardFor(caseNo).map(j -> new Forwarding(j.status(), forwardingLabel(j),
                j.attempts(), j.lastError(), j.sentAt())).orElse(null);
        // a rating given here (or above) goes down to the owner; one received from the owner does not
        boolean ratedHere = rating != null && forwarding != null;
        return new Detail(caseNo, c.itemName(), c.departmentCode(),
                catalog.department(c.departmentCode()).map(CatalogManagement.Department::name).orElse(null),
                c.regionCode(), catalog.region(c.regionCode()).map(CatalogManagement.Region::name).orElse(null),
                c.origin().displayName(),
                rating == null ? null : rating.id(), rating == null ? null : rating.level(),
                rating == null ? null : rating.level().label(), rating == null ? null : rating.channel(),
                rating == null ? null : rating.submittedAt(), ratedHere, rating == null || rating.valid(),
                rating == null ? null : rating.comment(), forwarding, rs.stream().map(Result::of).toList(), stage(rs),
                conflicts.forCase(caseNo));
    }

    /** Where the loop stands, from the owner's results: waiting, rectified, or closed with its outcome. */
    static String stage(List<ReceivedRectifications.Result> rs) {
        if (rs.isEmpty()) {
            return "办理中（待办理平台报送整改结果）";
        }
        ReceivedRectifications.Result last = rs.get(rs.size() - 1);
        return last.rectified() ? "已整改" : "已办结：" + (last.outcome() == null ? "" : last.outcome().label());
    }

    private static String forwardingLabel(PushJobs.PushJob job) {
        return switch (job.status()) {
            case SENT -> "已送达办理平台";
            case PENDING -> job.attempts() == 0 ? "待转送" : "转送中（办理平台暂不可达，自动重试）";
            case DEAD -> "转送失败，待人工处理";
            case CONFLICT -> "冲突：办理平台已有先到的评价";
        };
    }
}
