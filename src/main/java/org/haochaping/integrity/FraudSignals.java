package org.haochaping.integrity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.springframework.stereotype.Component;

/**
 * The rules that raise fraud signals for a newly scored rating (plan 二(五): catch 刷好评 and 恶意差评; 第九条:
 * malicious bad ratings are invalid). Each rule compares the rating with the ratings scored before it and says in
 * one Chinese sentence what it saw and which threshold it crossed. A rule about a group (a burst, a run of case
 * numbers, repeated comments) names every member of the group, so the earlier members get the signal too.
 */
@Component
class FraudSignals {

    /** A signal with its explanation and the ratings it concerns (the scored rating among them). */
    record Raised(Signal signal, String detail, List<String> members) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final Assessments assessments;
    private final CatalogManagement catalog;
    private final AbusiveWords abusive;
    private final IntegritySettings settings;

    FraudSignals(Assessments assessments, CatalogManagement catalog, AbusiveWords abusive, IntegritySettings settings) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.abusive = abusive;
        this.settings = settings;
    }

    /** Every signal the rating raises; the rating's own features must already be stored. */
    List<Raised> raise(RatingFeatures f) {
        List<Raised> raised = new ArrayList<>();
        evaluatorBurst(f).ifPresent(raised::add);
        windowBurst(f).ifPresent(raised::add);
        addressBurst(f).ifPresent(raised::add);
        deviceTooFast(f).ifPresent(raised::add);
        instantRatings(f).ifPresent(raised::add);
        collusion(f).ifPresent(raised::add);
        sameStaffRepeated(f).ifPresent(raised::add);
        identicalComments(f).ifPresent(raised::add);
        identicalDimensions(f).ifPresent(raised::add);
        sequentialCases(f).ifPresent(raised::add);
        scatteredBad(f).ifPresent(raised::add);
        abusiveText(f).ifPresent(raised::add);
        ratedBeforeCompletion(f).ifPresent(raised::add);
        return raised;
    }

    private Optional<Raised> evaluatorBurst(RatingFeatures f) {
        if (!f.good() || f.evaluatorKey() == null) {
            return Optional.empty();
        }
        Duration window = settings.burst().window();
        int threshold = settings.burst().evaluatorCount();
        Burst burst = burst(f, window, Signal.EVALUATOR_BURST, threshold, "r.evaluator_key = :k and r.good",
                Map.of("k", f.evaluatorKey()));
        return burst.count() < threshold ? Optional.empty() : Optional.of(new Raised(Signal.EVALUATOR_BURST,
                "同一评价人在 " + minutes(window) + " 内给出 " + burst.counted() + " 次好评（阈值 " + threshold + " 次）", burst.unflagged()));
    }

    private Optional<Raised> windowBurst(RatingFeatures f) {
        if (!f.good() || f.windowCode() == null) {
            return Optional.empty();
        }
        Duration window = settings.burst().window();
        int threshold = settings.burst().windowCount();
        Burst burst = burst(f, window, Signal.WINDOW_BURST, threshold, "r.window_code = :w and r.good",
                Map.of("w", f.windowCode()));
        return burst.count() < threshold ? Optional.empty() : Optional.of(new Raised(Signal.WINDOW_BURST,
                "窗口 " + f.windowCode() + " 的办件在 " + minutes(window) + " 内收到 " + burst.counted() + " 次好评（阈值 "
                        + threshold + " 次）", burst.unflagged()));
    }

    /**
     * Good ratings from one client address given on a person's own device (a phone, a computer; not a hall's tablet
     * or terminal, whose address is shared by design and whose speed is checked instead). Only the keyed index of the
     * address is compared; the explanation shows a short prefix of the index so that members can be matched.
     */
    private Optional<Raised> addressBurst(RatingFeatures f) {
        if (!f.good() || f.addressKey() == null || f.deviceCode() != null) {
            return Optional.empty();
        }
        Duration window = settings.burst().window();
        int threshold = settings.burst().addressCount();
        Burst burst = burst(f, window, Signal.ADDRESS_BURST, threshold,
                "r.address_key = :a and r.device_code is null and r.good", Map.of("a", f.addressKey()));
        return burst.count() < threshold ? Optional.empty() : Optional.of(new Raised(Signal.ADDRESS_BURST,
                "同一网络地址（标识 " + f.addressKey().substring(0, 8) + "…）在 " + minutes(window) + " 内提交 "
                        + burst.counted() + " 次好评（阈值 " + threshold + " 次）", burst.unflagged()));
    }

    /**
     * Two ratings on one window tablet or self-service terminal closer together than a person can manage (the next
     * person has to finish a case and step up). Without a known device, a window tablet's ratings are compared by
     * their window.
     */
    private Optional<Raised> deviceTooFast(RatingFeatures f) {
        boolean tablet = f.channel() == Channel.WINDOW_DEVICE;
        if (!tablet && f.channel() != Channel.TERMINAL) {
            return Optional.empty();
        }
        String device = f.deviceCode() != null ? f.deviceCode() : tablet ? f.windowCode() : null;
        if (device == null) {
            return Optional.empty();
        }
        Duration gap = settings.burst().deviceMinInterval();
        String condition = f.deviceCode() != null ? "r.device_code = :d"
                : "r.window_code = :d and r.channel = 'WINDOW_DEVICE'";
        List<Assessments.Member> near = assessments.members(condition, Map.of("d", device),
                f.submittedAt().minus(gap), f.submittedAt().plus(gap));
        List<Assessments.Member> others = near.stream().filter(m -> !m.evaluationId().equals(f.evaluationId())).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        long seconds = others.stream().mapToLong(m -> Math.abs(Duration.between(m.submittedAt(), f.submittedAt()).toSeconds()))
                .min().orElse(0);
        String what = f.deviceCode() != null ? (tablet ? "评价器 " : "自助终端 ") + f.deviceCode()
                : "窗口 " + f.windowCode() + " 的评价器";
        return Optional.of(new Raised(Signal.DEVICE_TOO_FAST, what + "两次评价仅相隔 " + seconds
                + " 秒（正常办理间隔不少于 " + gap.toSeconds() + " 秒）", ids(near)));
    }

    private Optional<Raised> instantRatings(RatingFeatures f) {
        if (!f.instant()) {
            return Optional.empty();
        }
        String column = f.windowCode() != null ? "window_code" : f.serviceBodyCode() != null ? "service_body_code"
                : "department_code";
        String value = f.windowCode() != null ? f.windowCode() : f.serviceBodyCode() != null ? f.serviceBodyCode()
                : f.departmentCode();
        Duration window = settings.burst().window();
        int threshold = settings.burst().instantCount();
        Burst instant = burst(f, window, Signal.INSTANT_RATINGS, threshold, "r." + column + " = :g and r.instant",
                Map.of("g", value));
        return instant.count() < threshold ? Optional.empty() : Optional.of(new Raised(Signal.INSTANT_RATINGS,
                "办结后 " + settings.burst().instantAfter().toSeconds() + " 秒内即提交的评价在 " + minutes(window) + " 内出现 "
                        + instant.counted() + " 次（阈值 " + threshold + " 次）", instant.unflagged()));
    }

    private Optional<Raised> collusion(RatingFeatures f) {
        if (f.idIndex() == null && f.mobileIndex() == null) {
            return Optional.empty();
        }
        List<CatalogManagement.Staff> staff = catalog.staffWithIdentity(f.idIndex(), f.mobileIndex());
        for (CatalogManagement.Staff s : staff) {
            if (s.staffNo().equals(f.staffNo()) || (s.windowCode() != null && s.windowCode().equals(f.windowCode()))) {
                return Optional.of(new Raised(Signal.STAFF_OWN_WINDOW, "评价人手机号或证件号与本窗口工作人员（工号 "
                        + s.staffNo() + "）一致", List.of(f.evaluationId())));
            }
        }
        for (CatalogManagement.Staff s : staff) {
            if (s.departmentCode().equals(f.departmentCode())) {
                return Optional.of(new Raised(Signal.EVALUATOR_IS_STAFF, "评价人手机号或证件号与被评价部门工作人员（工号 "
                        + s.staffNo() + "）一致", List.of(f.evaluationId())));
            }
        }
        return Optional.empty();
    }

    private Optional<Raised> sameStaffRepeated(RatingFeatures f) {
        if (!f.good() || f.evaluatorKey() == null || f.staffNo() == null) {
            return Optional.empty();
        }
        Duration period = settings.collusion().period();
        int threshold = settings.collusion().sameStaffCount();
        Burst repeated = burst(f, period, Signal.SAME_STAFF_REPEATED, threshold,
                "r.evaluator_key = :k and r.staff_no = :s and r.good", Map.of("k", f.evaluatorKey(), "s", f.staffNo()));
        return repeated.count() < threshold ? Optional.empty() : Optional.of(new Raised(Signal.SAME_STAFF_REPEATED,
                "同一评价人 " + period.toDays() + " 日内对工作人员 " + f.staffNo() + " 好评 " + repeated.counted() + " 次（阈值 "
                        + threshold + " 次）", repeated.unflagged()));
    }

    private Optional<Raised> identicalComments(RatingFeatures f) {
        if (f.commentDigest() == null) {
            return Optional.empty();
        }
        Duration window = settings.patterns().window();
        int threshold = settings.patterns().commentCount();
        Burst same = burst(f, window, Signal.IDENTICAL_COMMENTS, threshold,
                "r.comment_digest = :d and r.department_code = :dep",
                Map.of("d", f.commentDigest(), "dep", f.departmentCode()));
        return same.count() < threshold ? Optional.empty() : Optional.of(new Raised(Signal.IDENTICAL_COMMENTS,
                "同一部门 " + minutes(window) + " 内出现 " + same.counted() + " 条相同的评价内容“" + shorten(f.comment())
                        + "”（阈值 " + threshold + " 条）", same.unflagged()));
    }

    private Optional<Raised> identicalDimensions(RatingFeatures f) {
        if (f.dimensionVector() == null) {
            return Optional.empty();
        }
        Duration window = settings.patterns().window();
        int threshold = settings.patterns().vectorCount();
        Burst same = burst(f, window, Signal.IDENTICAL_DIMENSIONS, threshold,
                "r.dimension_vector = :v and r.department_code = :dep",
                Map.of("v", f.dimensionVector(), "dep", f.departmentCode()));
        return same.count() < threshold ? Optional.empty() : Optional.of(new Raised(Signal.IDENTICAL_DIMENSIONS,
                "同一部门 " + minutes(window) + " 内有 " + same.counted() + " 条评价的七项分项评价完全相同（阈值 " + threshold + " 条）",
                same.unflagged()));
    }

    /** Consecutive case numbers (same prefix) rated one after another, in number order, within a short time. */
    private Optional<Raised> sequentialCases(RatingFeatures f) {
        if (f.caseNumber() == null) {
            return Optional.empty();
        }
        int needed = settings.patterns().sequentialRun();
        Duration window = settings.patterns().sequentialWindow();
        long n = f.caseNumber();
        Map<String, Object> params = new HashMap<>();
        params.put("p", f.casePrefix());
        params.put("lo", Math.max(0, n - 200));
        params.put("hi", n - 1);
        Map<Long, Assessments.Member> byNumber = assessments.members(
                "r.case_prefix = :p and r.case_number between :lo and :hi", params,
                f.submittedAt().minus(window), f.submittedAt()).stream()
                .collect(Collectors.toMap(Assessments.Member::caseNumber, m -> m, (a, b) -> a));
        List<String> run = new ArrayList<>(List.of(f.evaluationId()));
        OffsetDateTime later = f.submittedAt();
        for (long k = n - 1; byNumber.containsKey(k) && !byNumber.get(k).submittedAt().isAfter(later); k--) {
            run.add(byNumber.get(k).evaluationId());
            later = byNumber.get(k).submittedAt();
        }
        return run.size() < needed ? Optional.empty() : Optional.of(new Raised(Signal.SEQUENTIAL_CASES,
                run.size() + " 个连号办件（" + f.casePrefix() + (n - run.size() + 1) + " 至 " + f.caseNo() + "）在 "
                        + minutes(window) + " 内依次被评价（阈值 " + needed + " 个）", run));
    }

    private Optional<Raised> scatteredBad(RatingFeatures f) {
        if (!f.bad() || f.evaluatorKey() == null) {
            return Optional.empty();
        }
        Duration period = settings.bad().period();
        List<Assessments.Member> bad = within(f, period, "r.evaluator_key = :k and r.bad", Map.of("k", f.evaluatorKey()));
        long departments = bad.stream().map(Assessments.Member::departmentCode).distinct().count();
        int threshold = settings.bad().departmentCount();
        return departments < threshold ? Optional.empty() : Optional.of(new Raised(Signal.SCATTERED_BAD,
                "同一评价人 " + period.toDays() + " 日内在 " + departments + " 个部门给出 " + bad.size() + " 次差评（阈值 "
                        + threshold + " 个部门）", ids(bad)));
    }

    private Optional<Raised> abusiveText(RatingFeatures f) {
        return abusive.find(f.comment()).map(word -> new Raised(Signal.ABUSIVE_TEXT,
                "评价内容出现“" + word.substring(0, 1) + "*".repeat(word.length() - 1) + "”等辱骂性字词",
                List.of(f.evaluationId())));
    }

    private Optional<Raised> ratedBeforeCompletion(RatingFeatures f) {
        if (f.completedAt() == null
                || !f.submittedAt().isBefore(f.completedAt().minus(settings.bad().completionTolerance()))) {
            return Optional.empty();
        }
        return Optional.of(new Raised(Signal.RATED_BEFORE_COMPLETION, "评价时间 " + f.submittedAt().format(TIME)
                + " 早于办件办结时间 " + f.completedAt().format(TIME), List.of(f.evaluationId())));
    }

    private List<Assessments.Member> within(RatingFeatures f, Duration window, String condition,
            Map<String, Object> params) {
        return assessments.members(condition, params, f.submittedAt().minus(window), f.submittedAt());
    }

    /**
     * A burst: how many ratings match (counted up to ten times the threshold, so a flood costs no more than that)
     * and those not yet flagged with the signal, which are all that need flagging now.
     */
    record Burst(long count, boolean atLeast, List<String> unflagged) {

        String counted() {
            return (atLeast ? "至少 " : "") + count;
        }
    }

    private Burst burst(RatingFeatures f, Duration window, Signal signal, int threshold, String condition,
            Map<String, Object> params) {
        OffsetDateTime from = f.submittedAt().minus(window);
        int cap = Math.max(threshold, 1) * 10;
        long count = assessments.count(condition, params, from, f.submittedAt(), cap);
        if (count < threshold) {
            return new Burst(count, false, List.of());
        }
        return new Burst(count, count >= cap,
                ids(assessments.membersWithout(signal, condition, params, from, f.submittedAt())));
    }

    private static List<String> ids(List<Assessments.Member> members) {
        return members.stream().map(Assessments.Member::evaluationId).toList();
    }

    private static String minutes(Duration d) {
        if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
            return d.toDays() + " 日";
        }
        if (d.toMinutes() >= 60 && d.toMinutes() % 60 == 0) {
            return d.toHours() + " 小时";
        }
        return d.toMinutes() >= 1 ? d.toMinutes() + " 分钟" : d.toSeconds() + " 秒";
    }

    private static String shorten(String comment) {
        return comment.length() > 20 ? comment.substring(0, 20) + "…" : comment;
    }
}
