package org.haochaping.evaluation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores ratings: one per completed case (第六条), checked against the case and the active reason options. */
@Service
public class EvaluationManagement {

    static final int MAX_COMMENT = 500;
    static final int MAX_REASONS = 10;

    private final Evaluations evaluations;
    private final ExpectedRatings expected;
    private final CaseManagement cases;
    private final CatalogManagement catalog;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<OwnerRelay> relay;

    EvaluationManagement(Evaluations evaluations, ExpectedRatings expected, CaseManagement cases,
            CatalogManagement catalog, PersonalDataVault vault, ApplicationEventPublisher events, Clock clock,
            ObjectProvider<OwnerRelay> relay) {
        this.evaluations = evaluations;
        this.expected = expected;
        this.cases = cases;
        this.catalog = catalog;
        this.vault = vault;
        this.events = events;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * Stores a person's rating; throws {@link CaseAlreadyRated} (409) when the case has one, also when another
     * arrives at the same moment: the database's unique constraint decides.
     */
    @Transactional
    public EvaluationView submit(SubmitEvaluation command) {
        if (command.channel() == null || !command.channel().caseRatingByPerson()) {
            throw FieldProblem.of("channel", "不是有效的办件评价渠道");
        }
        return store(command, false);
    }

    EvaluationView store(SubmitEvaluation command, boolean defaulted) {
        if (command.level() == null) {
            throw FieldProblem.of("level", "请选择满意度等级");
        }
        String comment = cleanComment(command.comment());
        CaseView c = cases.find(command.caseNo())
                .orElseThrow(() -> DomainProblem.notFound("办件不存在：" + command.caseNo()));
        if (!c.completed()) {
            throw DomainProblem.conflict("办件 " + c.caseNo() + " 尚未办结，办结后才能评价。");
        }
        int reasonSet = catalog.activeReasonSetVersion();
        checkReasons(command);
        if (evaluations.existsForCase(c.caseNo())) {
            throw new CaseAlreadyRated(c.caseNo());
        }
        OffsetDateTime now = Zones.now(clock);
        OffsetDateTime submittedAt = command.submittedAt() == null ? now
                : Zones.inShanghai(command.submittedAt()).truncatedTo(ChronoUnit.MICROS);
        SealedIdentity evaluator = defaulted ? null
                : command.evaluator() != null ? SealedIdentity.seal(command.evaluator(), vault) : c.applicant();
        EvaluationView rating = new EvaluationView(UUID.randomUUID().toString(), c.caseNo(), command.level(),
                command.dimensions(), command.reasons().stream().distinct().toList(), comment, command.channel(),
                submittedAt, true, false, defaulted, c.itemCode(), c.itemName(), c.departmentCode(), c.serviceBodyCode(),
                c.windowCode(), c.staffNo(), c.regionCode(), evaluator, command.consentContact(), command.consentShare());
        if (!defaulted && !c.ownedHere()) {
            // the owner decides whether this is the case's one rating (第六条) and handles it (domain §8)
            relay.ifAvailable(r -> r.relay(c, rating));
        }
        try {
            evaluations.insert(rating, reasonSet, now);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            throw new CaseAlreadyRated(c.caseNo());
        }
        expected.fulfilled(c.caseNo());
        if (defaulted) {
            events.publishEvent(new EvaluationDefaulted(rating.id(), rating.caseNo(), rating.regionCode(),
                    rating.departmentCode(), rating.serviceBodyCode(), rating.windowCode(), rating.staffNo(),
                    rating.itemCode(), rating.submittedAt()));
        } else {
            events.publishEvent(new EvaluationSubmitted(rating.id(), rating.caseNo(), rating.level(), rating.channel(),
                    rating.regionCode(), rating.departmentCode(), rating.serviceBodyCode(), rating.windowCode(),
                    rating.staffNo(), rating.itemCode(), rating.submittedAt(), false,
                    evaluator != null && evaluator.realName(), command.origin()));
        }
        return rating;
    }

    /**
     * Gives a due case its 基本满意 default (第九条), dated when the default became due. Answers false when the case
     * was rated meanwhile.
     */
    @Transactional
    public boolean storeDefault(String caseNo, OffsetDateTime dueAt) {
        if (evaluations.existsForCase(caseNo)) {
            expected.fulfilled(caseNo);
            return false;
        }
        store(new SubmitEvaluation(caseNo, Channel.SYSTEM_DEFAULT, DefaultRatingPolicy.DEFAULT_LEVEL, null, null, null,
                null, false, false, dueAt), true);
        return true;
    }

    /**
     * Declares a rating invalid, as a recorded fact with its reason and who decided; the rating is kept and leaves
     * the statistics. Idempotent: a rating already invalid stays as it is.
     */
    @Transactional
    public void invalidate(String evaluationId, InvalidationReason reason, String note, String decidedBy) {
        EvaluationView rating = evaluations.find(evaluationId)
                .orElseThrow(() -> DomainProblem.notFound("评价不存在：" + evaluationId));
        if (!rating.valid()) {
            return;
        }
        OffsetDateTime now = Zones.now(clock);
        evaluations.recordInvalidation(evaluationId, reason, note, decidedBy, now);
        events.publishEvent(new EvaluationInvalidated(evaluationId, rating.caseNo(), reason, note, decidedBy, now,
                rating.regionCode(), rating.departmentCode()));
    }

    /** Holds a rating out of rankings and statistics until reviewed, or releases it. */
    @Transactional
    public void quarantine(String evaluationId, boolean held, String note) {
        EvaluationView rating = evaluations.find(evaluationId)
                .orElseThrow(() -> DomainProblem.notFound("评价不存在：" + evaluationId));
        if (evaluations.setQuarantined(evaluationId, held)) {
            events.publishEvent(new EvaluationQuarantineChanged(evaluationId, rating.caseNo(), held, note,
                    Zones.now(clock)));
        }
    }

    public Optional<EvaluationView> find(String id) {
        return evaluations.find(id);
    }

    public Optional<EvaluationView> forCase(String caseNo) {
        return evaluations.findByCase(caseNo);
    }

    public boolean isRated(String caseNo) {
        return evaluations.existsForCase(caseNo);
    }

    /** The ratings with these ids (those that exist), for checks that read ratings in batches. */
    public List<EvaluationView> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : evaluations.findAll(ids);
    }

    /** Ids of the ratings whose region lies in {@code regionPrefix}, in id order after {@code afterId}. */
    public List<String> ids(String regionPrefix, String afterId, int limit) {
        return evaluations.ids(regionPrefix, afterId, limit);
    }

    private void checkReasons(SubmitEvaluation command) {
        if (command.reasons().size() > MAX_REASONS) {
            throw FieldProblem.of("reasons", "最多选择 " + MAX_REASONS + " 项");
        }
        Set<String> offered = catalog.activeReasons().stream()
                .filter(r -> r.level().equals(command.level().name()))
                .map(CatalogManagement.ReasonOption::code)
                .collect(Collectors.toSet());
        List<String> unknown = command.reasons().stream().filter(r -> !offered.contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw FieldProblem.of("reasons", "所选评价内容不属于该满意度等级：" + String.join(",", unknown));
        }
    }

    private static String cleanComment(String comment) {
        if (comment == null) {
            return null;
        }
        String cleaned = comment.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_COMMENT) {
            throw FieldProblem.of("comment", "评价内容最多 " + MAX_COMMENT + " 字");
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
