package org.haochaping.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.haochaping.casework.ApplicantType;
import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseOrigin;
import org.haochaping.casework.CaseReport;
import org.haochaping.casework.CaseStatus;
import org.haochaping.casework.CaseType;
import org.haochaping.casework.CaseView;
import org.haochaping.casework.PersonalIdentity;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
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
 * duplicate that changes nothing. A lower-level platform owns the cases it reports: they are handled there, not
 * here (domain §8). The upper platform forwards down ratings given on its channels of cases owned here; the
 * rectification results of the cases a lower platform owns come up from it.
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
            List<String> reasons, String comment, Map<Dimension, Level> dimensions, boolean consentContact,
            boolean consentShare) {
    }

    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final CodeTables codeTables;
    private final Inbound inbound;
    private final PersonalDataVault vault;
    private final InboundRectifications rectifications;
    private final Conflicts conflicts;
    private final Owners owners;
    private final ExchangeSettings settings;
    private final Clock clock;

    InboundReports(CaseManagement cases, EvaluationManagement evaluations, CatalogManagement catalog,
            CodeTables codeTables, Inbound inbound, PersonalDataVault vault, InboundRectifications rectifications,
            Conflicts conflicts, Owners owners, ExchangeSettings settings, Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.codeTables = codeTables;
        this.inbound = inbound;
        this.vault = vault;
        this.rectifications = rectifications;
        this.conflicts = conflicts;
        this.owners = owners;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    Outcome receive(ApiClientPrincipal sender, Map<String, String> fields) {
        if (RectificationRecord.isRectification(fields)) {
            return rectifications.receive(sender, fields);
        }
        ExchangeRecord r = ExchangeRecord.fromFields(fields);
        if (sender.kind() == ApiClientPrincipal.Kind.PLATFORM) {
            return fromAbove(sender, r);
        }
        CodeTables.CodeTable codes = codeTables.table(settings.inbound().codeTable(), null);
        FieldErrors errors = new FieldErrors();
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
            CaseManagement.ReportOutcome stored = cases.report(caseNo, report, sender.clientId(), ownerOf(sender));
            if (stored.created()) {
                inbound.record(RecordKind.CASE, caseNo, 0, sender.clientId(), r.dataSource(), null, now);
            }
            caseResult = stored.created() ? Result.STORED : stored.changed() ? Result.UPDATED : Result.UNCHANGED;
        }
        if (rating == null) {
            return new Outcome(caseNo, RecordKind.CASE, null, caseResult == null ? Result.UNCHANGED : caseResult, null);
        }
        CaseView c = cases.find(caseNo).orElseThrow();
        Optional<Outcome> known = alreadyHeld(sender, c, rating, r.dataSource(), now);
        if (known.isPresent()) {
            return known.get();
        }
        // recorded before the rating is stored, so that a rating received from the case's owner is not sent back
        inbound.record(RecordKind.RATING, caseNo, rating.assessNumber(), sender.clientId(), r.dataSource(), null, now);
        String evaluationId = store(caseNo, rating, user);
        inbound.attach(caseNo, rating.assessNumber(), evaluationId);
        return new Outcome(caseNo, RecordKind.RATING, rating.assessNumber(), Result.STORED, evaluationId);
    }

    /**
     * A rating of a case owned here, given on the upper level (the province's channels) and forwarded down by the
     * upper platform, registered here as a trusted platform (kind {@code PLATFORM}): stored as a rating of this
     * instance's case with its original channel and time, and handled here (第五条; domain §8, one handler). It
     * never changes the case: case facts in the record are ignored. When the case is owned by a platform further
     * down, storing it hands it on to that owner.
     */
    private Outcome fromAbove(ApiClientPrincipal sender, ExchangeRecord r) {
        CodeTables.CodeTable codes = codeTables.table(settings.inbound().codeTable(), null);
        FieldErrors errors = new FieldErrors();
        String caseNo = r.projectNo();
        if (caseNo == null) {
            errors.add("projectNo", "不能为空");
        } else if (!CaseManagement.validCaseNo(caseNo)) {
            errors.add("projectNo", "办件编号须为 1 到 50 位字母、数字、- 或 _");
        }
        if (r.dataSource() != null && r.dataSource().length() > 64) {
            errors.add("dataSource", "最长 64 个字符");
        }
        RatingFacts rating = null;
        if (!r.isRating()) {
            errors.add("satisfaction", "上级平台只转送评价：不能为空");
        } else {
            rating = rating(r, codes, errors);
            if (rating.channel() == Channel.SYSTEM_DEFAULT) {
                errors.add("pf", "默认评价由办件所属平台作出，上级平台不能转送");
            }
        }
        PersonalIdentity user = identity(r, codes, errors);
        errors.throwIfAny();
        CaseView c = cases.find(caseNo).filter(found -> sender.mayActFor(found.regionCode()))
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + caseNo));
        if (!c.completed()) {
            throw DomainProblem.conflict("办件 " + caseNo + " 尚未办结，办结后才能评价。");
        }
        OffsetDateTime now = Zones.now(clock);
        Optional<Outcome> known = alreadyHeld(sender, c, rating, r.dataSource(), now);
        if (known.isPresent()) {
            return known.get();
        }
        inbound.record(RecordKind.RATING, caseNo, rating.assessNumber(), sender.clientId(), r.dataSource(), null, now);
        String evaluationId = evaluations.submit(new SubmitEvaluation(caseNo, rating.channel(), rating.level(),
                rating.dimensions(), rating.reasons(), rating.comment(), applicantOrOther(user, c),
                rating.consentContact(), rating.consentShare(), rating.assessedAt())).id();
        inbound.attach(caseNo, rating.assessNumber(), evaluationId);
        return new Outcome(caseNo, RecordKind.RATING, rating.assessNumber(), Result.STORED, evaluationId);
    }

    /**
     * A rating that arrives for a case that already has one: the same report again, or the rating this instance
     * itself sent (it comes back from the case's owner) is a duplicate; another rating is the second rating of the
     * case and gets the 409 it would get locally (第六条: the first wins), recorded as a conflict for reconciliation.
     */
    private Optional<Outcome> alreadyHeld(ApiClientPrincipal sender, CaseView c, RatingFacts rating, String dataSource,
            OffsetDateTime now) {
        String caseNo = c.caseNo();
        if (inbound.received(RecordKind.RATING, caseNo, rating.assessNumber())) {
            return Optional.of(new Outcome(caseNo, RecordKind.RATING, rating.assessNumber(), Result.DUPLICATE,
                    evaluations.forCase(caseNo).map(EvaluationView::id).orElse(null)));
        }
        Optional<EvaluationView> held = evaluations.forCase(caseNo);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        EvaluationView ours = held.get();
        if (sameRating(ours, rating)) {
            inbound.record(RecordKind.RATING, caseNo, rating.assessNumber(), sender.clientId(), dataSource, ours.id(),
                    now);
            return Optional.of(new Outcome(caseNo, RecordKind.RATING, rating.assessNumber(), Result.DUPLICATE,
                    ours.id()));
        }
        conflicts.record(caseNo, Conflicts.Side.RECEIVED, owners.name(sender.clientId()), ours.id(),
                new Conflicts.Rating(ours.level(), ours.channel(), ours.submittedAt()),
                new Conflicts.Rating(rating.level(), rating.channel(), rating.assessedAt()), c.regionCode(),
                c.departmentCode(), now);
        throw new CaseAlreadyRated(caseNo);
    }

    /** Whether a received rating is the one held: same level and channel, given in the same second. */
    private static boolean sameRating(EvaluationView held, RatingFacts received) {
        return held.level() == received.level() && held.channel() == received.channel()
                && held.submittedAt().toEpochSecond() == received.assessedAt().toEpochSecond();
    }

    /**
     * The evaluator of a rating from above: the case's applicant (known here with the mobile the feedback goes to)
     * when the record names no one else, otherwise the person the upper platform verified.
     */
    private PersonalIdentity applicantOrOther(PersonalIdentity user, CaseView c) {
        if (user == null || user.idNumber() == null) {
            return c.applicant() == null ? user : null;
        }
        if (c.applicant() != null && vault.index(user.idNumber()).equals(c.applicant().idIndex())) {
            return null;
        }
        return user;
    }

    /** A lower-level platform owns the cases it reports (domain §8, one handler); a business system's are owned here. */
    private CaseOrigin ownerOf(ApiClientPrincipal sender) {
        return sender.kind() == ApiClientPrincipal.Kind.LOWER_PLATFORM ? owners.origin(sender.clientId()) : null;
    }

    /** Stores the rating with its original time and channel; a default given by the sender stays a default. */
    private String store(String caseNo, RatingFacts rating, PersonalIdentity user) {
        if (rating.channel() == Channel.SYSTEM_DEFAULT) {
            if (!evaluations.storeDefault(caseNo, rating.assessedAt())) {
                throw new CaseAlreadyRated(caseNo);
            }
            return evaluations.forCase(caseNo).map(EvaluationView::id).orElseThrow();
        }
        return evaluations.submit(new SubmitEvaluation(caseNo, rating.channel(), rating.level(), rating.dimensions(),
                rating.reasons(), rating.comment(), user, rating.consentContact(), rating.consentShare(),
                rating.assessedAt())).id();
    }

    private CaseReport caseReport(ExchangeRecord r, CodeTables.CodeTable codes, PersonalIdentity user, FieldErrors errors) {
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

    private RatingFacts rating(ExchangeRecord r, CodeTables.CodeTable codes, FieldErrors errors) {
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
        return new RatingFacts(level, channel, assessed, number, reasons, comment, dimensions(r, codes, errors),
                flag(r.consentContact(), "consentContact", errors), flag(r.consentShare(), "consentShare", errors));
    }

    /** {@code evalDimensions}: {@code ATTITUDE:4,EFFICIENCY:5}, the levels coded like {@code satisfaction}. */
    private static Map<Dimension, Level> dimensions(ExchangeRecord r, CodeTables.CodeTable codes, FieldErrors errors) {
        if (r.evalDimensions() == null) {
            return Map.of();
        }
        Map<Dimension, Level> dimensions = new EnumMap<>(Dimension.class);
        for (String part : r.evalDimensions().split("[,，;；]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("[:：=]", 2);
            Dimension dimension = null;
            try {
                dimension = pair.length == 2 ? Dimension.valueOf(pair[0].trim()) : null;
            } catch (IllegalArgumentException unknown) {
                dimension = null;
            }
            Level level = dimension == null ? null
                    : codes.decode(CodeKind.LEVEL, pair[1].trim()).map(Level::valueOf).orElse(null);
            if (level == null) {
                errors.add("evalDimensions", "须为“分项:满意度代码”，以逗号分隔，如 ATTITUDE:4,EFFICIENCY:5");
                return Map.of();
            }
            dimensions.put(dimension, level);
        }
        return dimensions;
    }

    private static boolean flag(String value, String field, FieldErrors errors) {
        if (value == null || value.equals("0")) {
            return false;
        }
        if (!value.equals("1")) {
            errors.add(field, "须为 1（同意）或 0（不同意）");
        }
        return true;
    }

    private PersonalIdentity identity(ExchangeRecord r, CodeTables.CodeTable codes, FieldErrors errors) {
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
            FieldErrors errors, String field, Class<E> type) {
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

    private static String required(FieldErrors errors, String field, String value, int maxLength) {
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

    private static OffsetDateTime time(FieldErrors errors, String field, String text) {
        if (text == null) {
            return null;
        }
        OffsetDateTime time = ExchangeRecord.parse(text);
        if (time == null) {
            errors.add(field, "格式须为 yyyy-MM-dd HH:mm:ss");
        }
        return time;
    }
}
