package org.haochaping.analytics;

import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the read model from the source modules: a rating (whatever event says it changed) is read as it is now and
 * recorded, so deliveries in any order and any number of times converge on the same rollups.
 */
@Component
class RatingFacts {

    private final EvaluationManagement evaluations;
    private final CaseManagement cases;
    private final Rollups rollups;
    private final CommentAnalyzer comments;

    RatingFacts(EvaluationManagement evaluations, CaseManagement cases, Rollups rollups, CommentAnalyzer comments) {
        this.evaluations = evaluations;
        this.cases = cases;
        this.rollups = rollups;
        this.comments = comments;
    }

    void refresh(String evaluationId) {
        evaluations.find(evaluationId).ifPresent(this::record);
    }

    @Transactional
    void record(EvaluationView e) {
        Rollups.RatingKey key = new Rollups.RatingKey(e.submittedAt().toLocalDate(), e.regionCode(),
                e.departmentCode(), orEmpty(e.serviceBodyCode()), orEmpty(e.windowCode()), orEmpty(e.staffNo()),
                e.itemCode(), e.level(), e.channel().name(), e.defaulted());
        rollups.recordRating(e.id(), e.caseNo(), key, e.valid() && !e.quarantined(), e.comment() != null,
                e.reasons(), () -> e.comment() == null ? Map.of() : comments.terms(e.comment()));
        // whether the case counts as rated by a person follows its rating
        refreshCase(e.caseNo());
    }

    void refreshCase(String caseNo) {
        cases.find(caseNo).filter(CaseView::completed).ifPresent(c -> rollups.recordCase(c.caseNo(),
                new Rollups.CaseKey(c.completedAt().toLocalDate(), c.regionCode(), c.departmentCode(),
                        orEmpty(c.serviceBodyCode()), orEmpty(c.windowCode()), orEmpty(c.staffNo()), c.itemCode())));
    }

    static String orEmpty(String code) {
        return code == null ? "" : code;
    }
}
