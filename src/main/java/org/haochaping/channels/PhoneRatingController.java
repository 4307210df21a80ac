package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/evaluations/phone}: the supervision office records a rating the evaluator gave on a call-back
 * (电话回访, plan 二(四)1 and 第十一条), with the time of the call; channel {@code PHONE}. Only supervision staff,
 * only for cases in their scope (others answer 404); every such rating is audited.
 */
@RestController
class PhoneRatingController {

    record PhoneRating(@Size(max = 50, message = "最长 50 个字符") String caseNo, Level level,
            Map<Dimension, Level> dimensions,
            @Size(max = 10, message = "最多选择 10 项") List<@Size(max = 32, message = "最长 32 个字符") String> reasons,
            @Size(max = 2000, message = "最长 500 字") String comment, OffsetDateTime calledAt, Boolean consentContact,
            Boolean consentShare) {
    }

    private final CaseManagement cases;
    private final RatingService ratings;
    private final AuditLog audit;
    private final Clock clock;

    PhoneRatingController(CaseManagement cases, RatingService ratings, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.ratings = ratings;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/v1/evaluations/phone")
    @ResponseStatus(HttpStatus.CREATED)
    EvaluationApiController.StoredRating rate(@Valid @RequestBody PhoneRating body,
            @AuthenticationPrincipal CurrentUser user) {
        if (user == null || user.role() != Role.SUPERVISOR) {
            throw DomainProblem.forbidden("只有政务服务管理部门可以登记电话回访评价。");
        }
        if (body.caseNo() == null || body.caseNo().isBlank()) {
            throw FieldProblem.of("caseNo", "不能为空");
        }
        if (body.level() == null) {
            throw FieldProblem.of("level", "不能为空");
        }
        if (body.calledAt() == null) {
            throw FieldProblem.of("calledAt", "请填写回访时间");
        }
        CaseView c = cases.find(body.caseNo())
                .filter(found -> user.scope().covers(found.regionCode(), found.departmentCode(),
                        found.serviceBodyCode(), found.staffNo()))
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + body.caseNo()));
        OffsetDateTime calledAt = Zones.inShanghai(body.calledAt());
        if (calledAt.isAfter(Zones.now(clock).plusMinutes(5))) {
            throw FieldProblem.of("calledAt", "回访时间不能晚于当前时间");
        }
        if (c.completedAt() != null && calledAt.isBefore(c.completedAt())) {
            throw FieldProblem.of("calledAt", "回访时间不能早于办结时间");
        }
        EvaluationView stored = ratings.rateByPhone(c, new RatingInput(null, c.caseNo(), null, body.level(),
                body.dimensions(), body.reasons(), body.comment(), null, body.consentContact(), body.consentShare()),
                calledAt);
        audit.record("PHONE_RATING", "case:" + c.caseNo(), "电话回访评价 " + body.level().label() + "，回访时间 " + calledAt);
        return EvaluationApiController.StoredRating.of(stored);
    }
}
