package org.haochaping.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.haochaping.casework.ApplicantType;
import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseReport;
import org.haochaping.casework.CaseStatus;
import org.haochaping.casework.CaseType;
import org.haochaping.casework.CaseView;
import org.haochaping.casework.PersonalIdentity;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.SubmitEvaluation;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives the records of lower-level platforms and other vendors' systems ({@code POST /api/v1/exchange/reports}):
 * validates each field by its provincial name, keeps the sender's scope, stores the case and its rating with the
 * rating's original time and channel, and answers a repeated record (same case number and evaluation count) as a
 * duplicate that changes nothing.
 */
@Service
class InboundReports {

    enum Result {
        STORED, UPDATED, UNCHANGED, DUPLICATE
    }

    record Outcome(String projectNo, RecordKind kind, Integer assessNumber, Result result, String evaluationId) {

        boolean created() {
            return result == Result.STORED;
        }
    }

    private record RatingFacts(Level level, Channel channel, OffsetDateTime assessedAt, int assessNumber,
            List<String> reasons, String comment) {
    }

    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final CodeTables codeTables;
    private final Inbound inbound;
    private final PersonalDataVault vault;
    private final ExchangeSettings settings;
    private final Clock clock;

    InboundReports(CaseManagement cases, EvaluationManagement evaluations, CatalogManagement catalog,
            CodeTables codeTables, Inbound inbound, PersonalDataVault vault, ExchangeSettings settings, Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.codeTables = codeTables;
        this.inbound = inbound;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    Outcome receive(ApiClientPrincipal sender, Map<String, String> fields) {
        ExchangeRecord r = ExchangeRecord.fromFields(fields);
        CodeTables.CodeTable codes = codeTables.table(settings.inbound().codeTable(), null);
        Errors errors = new Errors();
        String caseNo = r.projectNo();
        if (caseNo == null) {
            errors.add("projectNo", "不能为空");
        } else if (!CaseManagement.validCaseNo(caseNo)) {
            errors.add("projectNo", "办件编号须为 1 到 50 位字母、数字、- 或 _");
        }
        if (r.areaCode() != null && !sender.mayActFor(r.areaCode())) {
            throw DomainProblem.forbidden("该客户端无权报送行政区划 " + r.areaCode() + " 的数据。");
        }
        if (r.dataSource() != null && r.dataSource().length() > 64) {
            errors.add("dataSource", "最长 64 个字符");
        }
        Optional<CaseView> existing = errors.isEmpty() ? cases.find(caseNo) : Optional.empty();
        PersonalIdentity user = identity(r, codes, errors);
        CaseReport report = null;
        if (r.hasCaseFacts() || (errors.isEmpty() && existing.isEmpty())) {
            report = caseReport(r, codes, user, errors);
        }
        RatingFacts rating = null;
        if (r.isRating()) {
            rating = rating(r, codes, errors);
            if (report != null && report.status() != CaseStatus.COMPLETED) {
                errors.add("proStatus", "评价的办件须为已办结状态");
            }
        } else if (r.pf() != null || r.assessTime() != null || r.evalDetail() != null || r.writingEvaluation() != null) {
            errors.add("satisfaction", "报送评价时不能为空");
        }
        errors.throwIfAny();

        if (existing.isPresent()) {
            CaseView found = existing.get();
            if (!sender.clientId().equals(inbound.senderOf(caseNo).orElse(null))) {
                throw DomainProblem.conflict("办件 " + caseNo + " 已由其他来源报送，该客户端不能修改或评价它。");
            }
            if (!sender.mayActFor(found.regionCode())) {
                throw DomainProblem.forbidden("该客户端无权报送行政区划 " + found.regionCode() + " 的数据。");
            }
        }
        OffsetDateTime now = Zones.now(clock);
        Result caseResult = null;
        boolean updateCase = report != null
                && (rating == null || existing.isEmpty() || !existing.get().completed());
        if (updateCase) {
            if (rating != null && existing.isPresent() && existing.get().applicant() != null) {
                report = withApplicant(report, plain(existing.get().applicant()));
            }
            CaseManagement.ReportOutcome stored = cases.report(caseNo, report, sender.clientId());
            if (stored.created()) {
                inbound.record(RecordKind.CASE, caseNo, 0, sender.clientId(), r.dataSource(), null, now);
            }
            caseResult = stored.created() ? Result.STORED : stored.changed() ? Result.UPDATED : Result.UNCHANGED;
        }
        if (rating == null) {
            return new Outcome(caseNo, RecordKind.CASE, null, caseResult == null ? Result.UNCHANGED : caseResult, null);
        }
        if (inbound.received(RecordKind.RATING, caseNo, rating.assessNumber())) {
            return new Outcome(caseNo, RecordKind.RATING, rating.assessNumber(), Result.DUPLICATE,
                    evaluations.forCase(caseNo).map(EvaluationView::id).orElse(null));
        }
        String evaluationId = store(caseNo, rating, user);
        inbound.record(RecordKind.RATING, caseNo, rating.assessNumber(), sender.clientId(), r.dataSource(),
                evaluationId, now);
        return new Outcome(caseNo, RecordKind.RATING, rating.assessNumber(), Result.STORED, evaluationId);
    }

    /** Stores the rating with its original time and channel; a default given by the sender stays a default. */
    private String store(String caseNo, RatingFacts rating, PersonalIdentity user) {
        if (rating.channel() == Channel.SYSTEM_DEFAULT) {
            if (!evaluations.storeDefault(caseNo, rating.assessedAt())) {
                throw new CaseAlreadyRated(caseNo);
            }
            return evaluations.forCase(caseNo).map(EvaluationView::id).orElseThrow();
        }
        return evaluations.submit(new SubmitEvaluation(caseNo, rating.channel(), rating.level(), Map.of(),
                rating.reasons(), rating.comment(), user, false, false, rating.assessedAt())).id();
    }

    private CaseReport caseReport(ExchangeRecord r, CodeTables.CodeTable codes, PersonalIdentity user, Errors errors) {
        String itemCode = required(errors, "taskCode", r.taskCode(), 64);
        String itemName = required(errors, "taskName", r.taskName(), 200);
        String department = null;
        if (required(errors, "deptCode", r.deptCode(), 18) != null) {
            department = catalog.departments().stream()
                    .filter(d -> r.deptCode().equalsIgnoreCase(d.creditCode())).map(CatalogManagement.Department::code)
                    .findFirst().orElse(null);
            if (department == null) {
                errors.add("deptCode", "未知的部门统一社会信用代码");
            }
        }
        String region = required(errors, "areaCode", r.areaCode(), 12);
        if (region != null && catalog.region(region).isEmpty()) {
            errors.add("areaCode", "未知的行政区划代码");
        }
        CaseStatus status = null;
        if (required(errors, "proStatus", r.proStatus(), 16) != null) {
            status = decode(codes, CodeKind.CASE_STATUS, r.proStatus(), errors, "proStatus", CaseStatus.class);
        }
        CaseType type = r.promiseTime() == null ? null
                : decode(codes, CodeKind.CASE_TYPE, r.promiseTime(), errors, "promiseTime", CaseType.class);
        OffsetDateTime accepted = time(errors, "acceptDate", r.acceptDate());
        OffsetDateTime finished = time(errors, "finishDate", r.finishDate());
        if (accepted != null && finished != null && finished.isBefore(accepted)) {
            errors.add("finishDate", "办结时间不能早于受理时间");
        }
        return new CaseReport(itemCode, itemName, department, null, null, null, null, region, user, null, type, status,
                accepted, status == CaseStatus.COMPLETED ? finished : null, null);
    }

    private RatingFacts rating(ExchangeRecord r, CodeTables.CodeTable codes, Errors errors) {
        Level level = decode(codes, CodeKind.LEVEL, r.satisfaction(), errors, "satisfaction", Level.class);
        Channel channel = null;
        if (r.pf() == null) {
            errors.add("pf", "不能为空");
        } else {
            channel = decode(codes, CodeKind.CHANNEL, r.pf(), errors, "pf", Channel.class);
            if (channel != null && !channel.caseRatingByPerson() && channel != Channel.SYSTEM_DEFAULT) {
                errors.add("pf", "不是办件评价的渠道");
            }
        }
        OffsetDateTime assessed = null;
        if (r.assessTime() == null) {
            errors.add("assessTime", "不能为空");
        } else {
            assessed = time(errors, "assessTime", r.assessTime());
            if (assessed != null && assessed.isAfter(Zones.now(clock).plus(CLOCK_SKEW))) {
                errors.add("assessTime", "评价时间不能晚于当前时间");
            }
        }
        int number = 1;
        if (r.assessNumber() != null) {
            try {
                number = Integer.parseInt(r.assessNumber());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1) {
                errors.add("assessNumber", "须为正整数（1 首次评价，2 追评）");
            } else if (number > 1) {
                errors.add("assessNumber", "目前只接收首次评价（1），追评暂不接收");
            }
        }
        List<String> reasons = r.evalDetail() == null ? List.of()
                : Arrays.stream(r.evalDetail().split("[,，;；]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (reasons.size() > 10 || reasons.stream().anyMatch(s -> s.length() > 32)) {
            errors.add("evalDetail", "最多 10 项，每项代码最长 32 个字符");
        }
        String comment = r.writingEvaluation();
        if (comment != null && comment.codePointCount(0, comment.length()) > 500) {
            errors.add("writingEvaluation", "评价内容最多 500 字");
        }
        return new RatingFacts(level, channel, assessed, number, reasons, comment);
    }

    private PersonalIdentity identity(ExchangeRecord r, CodeTables.CodeTable codes, Errors errors) {
        if (r.userName() == null && r.certKeyGOV() == null && r.userProp() == null && r.userPageType() == null) {
            return null;
        }
        if (r.userName() != null && r.userName().codePointCount(0, r.userName().length()) > 50) {
            errors.add("userName", "最长 50 个字符");
        }
        if (r.certKeyGOV() != null && !ID_NUMBER.matcher(r.certKeyGOV()).matches()) {
            errors.add("certKeyGOV", "证件号码只能包含字母和数字，最长 32 位");
        }
        ApplicantType type = r.userProp() == null ? ApplicantType.PERSON
                : decode(codes, CodeKind.USER_PROP, r.userProp(), errors, "userProp", ApplicantType.class);
        String idType = null;
        if (r.userPageType() != null) {
            idType = codes.decode(CodeKind.ID_TYPE, r.userPageType()).orElse(null);
            if (idType == null) {
                errors.add("userPageType", unknownCode(codes, r.userPageType()));
            }
        }
        return new PersonalIdentity(type, r.userName(), idType, r.certKeyGOV(), null);
    }

    private PersonalIdentity plain(SealedIdentity sealed) {
        return new PersonalIdentity(sealed.type(), vault.unseal(sealed.name()), sealed.idType(),
                vault.unseal(sealed.idNumber()), vault.unseal(sealed.mobile()));
    }

    private static CaseReport withApplicant(CaseReport r, PersonalIdentity applicant) {
        return new CaseReport(r.itemCode(), r.itemName(), r.departmentCode(), r.serviceBodyCode(), r.windowCode(),
                r.staffNo(), r.staffName(), r.regionCode(), applicant, r.handlingForm(), r.caseType(), r.status(),
                r.acceptedAt(), r.completedAt(), r.generatedAt());
    }

    private static <E extends Enum<E>> E decode(CodeTables.CodeTable codes, CodeKind kind, String remote,
            Errors errors, String field, Class<E> type) {
        String local = codes.decode(kind, remote).orElse(null);
        if (local == null) {
            errors.add(field, unknownCode(codes, remote));
            return null;
        }
        try {
            return Enum.valueOf(type, local);
        } catch (IllegalArgumentException e) {
            errors.add(field, unknownCode(codes, remote));
            return null;
        }
    }

    private static String unknownCode(CodeTables.CodeTable codes, String remote) {
        return "未知的代码 " + (remote.length() > 16 ? remote.substring(0, 16) + "…" : remote) + "（代码表 "
                + codes.target() + " 第 " + codes.version() + " 版）";
    }

    private static String required(Errors errors, String field, String value, int maxLength) {
        if (value == null) {
            errors.add(field, "不能为空");
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(field, "最长 " + maxLength + " 个字符");
            return null;
        }
        return value;
    }

    private static OffsetDateTime time(Errors errors, String field, String text) {
        if (text == null) {
            return null;
        }
        OffsetDateTime time = ExchangeRecord.parse(text);
        if (time == null) {
            errors.add(field, "格式须为 yyyy-MM-dd HH:mm:ss");
        }
        return time;
    }

    /** Field errors by provincial field name, the first per field. */
    private static final class Errors {
        private final Map<String, String> byField = new LinkedHashMap<>();

        void add(String field, String message) {
            byField.putIfAbsent(field, message);
        }

        boolean isEmpty() {
            return byField.isEmpty();
        }

        void throwIfAny() {
            if (!byField.isEmpty()) {
                List<FieldProblem.FieldError> list = new ArrayList<>();
                byField.forEach((f, m) -> list.add(new FieldProblem.FieldError(f, m)));
                throw new FieldProblem(list);
            }
        }
    }
}
