package org.haochaping.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives the rectification results of the platforms that own the cases (第十条: results go up to the provincial
 * platform): only the platform that reported a case reports its results; each is validated, kept once and, on an
 * instance with an upstream of its own, passed on up, so every level above sees the whole loop.
 */
@Service
class InboundRectifications {

    static final int MAX_MEASURES = 2000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final Inbound inbound;
    private final ReceivedRectifications received;
    private final UpwardQueue upward;
    private final Clock clock;

    InboundRectifications(CaseManagement cases, EvaluationManagement evaluations, Inbound inbound,
            ReceivedRectifications received, UpwardQueue upward, Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.inbound = inbound;
        this.received = received;
        this.upward = upward;
        this.clock = clock;
    }

    @Transactional
    InboundReports.Outcome receive(ApiClientPrincipal sender, Map<String, String> fields) {
        if (sender.kind() == ApiClientPrincipal.Kind.PLATFORM) {
            throw DomainProblem.forbidden("整改结果由办件所属平台报送，上级平台不能报送。");
        }
        RectificationRecord r = RectificationRecord.fromFields(fields);
        FieldErrors errors = new FieldErrors();
        if (r.projectNo() == null) {
            errors.add("projectNo", "不能为空");
        } else if (!CaseManagement.validCaseNo(r.projectNo())) {
            errors.add("projectNo", "办件编号须为 1 到 50 位字母、数字、- 或 _");
        }
        if (r.assessNumber() != null && !r.assessNumber().equals("1")) {
            errors.add("assessNumber", "整改结果对应首次评价，须为 1");
        }
        if (r.dataSource() != null && r.dataSource().length() > 64) {
            errors.add("dataSource", "最长 64 个字符");
        }
        RootCause cause = null;
        WorkOrderOutcome outcome = null;
        Boolean onTime = null;
        OffsetDateTime happenedAt = null;
        if (RectificationRecord.RECTIFIED.equals(r.rectifyStatus())) {
            cause = named(RootCause.class, r.rootCause(), "rootCause", errors);
            if (r.rectifyMeasures() == null) {
                errors.add("rectifyMeasures", "不能为空");
            } else if (r.rectifyMeasures().length() > MAX_MEASURES) {
                errors.add("rectifyMeasures", "最多 " + MAX_MEASURES + " 字");
            }
            happenedAt = time(r.rectifyTime(), "rectifyTime", errors);
            if (r.rectifyOnTime() != null) {
                if (!r.rectifyOnTime().equals("1") && !r.rectifyOnTime().equals("0")) {
                    errors.add("rectifyOnTime", "须为 1（按期）或 0（超期）");
                }
                onTime = r.rectifyOnTime().equals("1");
            }
        } else if (RectificationRecord.CLOSED.equals(r.rectifyStatus())) {
            outcome = named(WorkOrderOutcome.class, r.rectifyResult(), "rectifyResult", errors);
            happenedAt = time(r.closeTime(), "closeTime", errors);
        } else {
            errors.add("rectifyStatus", "须为 RECTIFIED（已整改）或 CLOSED（已办结）");
        }
        errors.throwIfAny();

        String caseNo = r.projectNo();
        CaseView c = cases.find(caseNo).filter(found -> sender.mayActFor(found.regionCode()))
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + caseNo));
        if (!sender.clientId().equals(inbound.senderOf(caseNo).orElse(null))) {
            throw DomainProblem.forbidden("只有报送办件 " + caseNo + " 的平台可以报送其整改结果。");
        }
        String evaluationId = evaluations.forCase(caseNo).map(EvaluationView::id).orElse(null);
        if (received.exists(caseNo, r.rectifyStatus(), happenedAt)) {
            return new InboundReports.Outcome(caseNo, RecordKind.RECTIFICATION, 1, InboundReports.Result.DUPLICATE,
                    evaluationId);
        }
        received.insert(caseNo, r.rectifyStatus(), happenedAt, 1, sender.clientId(), cause, r.rectifyMeasures(),
                onTime, outcome, c.regionCode(), c.departmentCode(), r.dataSource(), Zones.now(clock));
        upward.rectification(r, c.regionCode(), c.departmentCode(), evaluationId);
        return new InboundReports.Outcome(caseNo, RecordKind.RECTIFICATION, 1, InboundReports.Result.STORED,
                evaluationId);
    }

    private OffsetDateTime time(String text, String field, FieldErrors errors) {
        if (text == null) {
            errors.add(field, "不能为空");
            return null;
        }
        OffsetDateTime time = ExchangeRecord.parse(text);
        if (time == null) {
            errors.add(field, "格式须为 yyyy-MM-dd HH:mm:ss");
        } else if (time.isAfter(Zones.now(clock).plus(CLOCK_SKEW))) {
            errors.add(field, "不能晚于当前时间");
        }
        return time;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String field, FieldErrors errors) {
        if (name == null) {
            errors.add(field, "不能为空");
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            errors.add(field, "未知的代码 " + (name.length() > 16 ? name.substring(0, 16) + "…" : name));
            return null;
        }
    }
}
