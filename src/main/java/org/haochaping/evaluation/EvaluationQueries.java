package org.haochaping.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseOrigin;
import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.identity.DataScope;
import org.haochaping.system.DomainProblem;
import org.springframework.stereotype.Service;

/** The rating list and detail, limited to the viewer's data scope; outside it a rating does not exist (404). */
@Service
class EvaluationQueries {

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** An evaluator's full identity, handed out only by {@link #reveal}. */
    record RevealedIdentity(String name, String idType, String idNumber, String mobile, RevealPurpose purpose) {
    }

    private final Evaluations evaluations;
    private final RatingPresenter presenter;
    private final PersonalDataVault vault;
    private final AuditLog audit;
    private final CaseManagement cases;

    EvaluationQueries(Evaluations evaluations, RatingPresenter presenter, PersonalDataVault vault, AuditLog audit,
            CaseManagement cases) {
        this.evaluations = evaluations;
        this.presenter = presenter;
        this.vault = vault;
        this.audit = audit;
        this.cases = cases;
    }

    Page<RatingJson> list(EvaluationFilter filter, CurrentUser viewer) {
        DataScope scope = viewer.readsRatings() ? viewer.scope() : new DataScope(null, null, null, null, true);
        String where = scope.sql("e") + " and " + filter.sql("e");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(filter.params());
        List<EvaluationView> found = evaluations.page(where, params, filter.pageOrZero(), filter.sizeOrDefault());
        Map<String, CaseOrigin> owners = cases.ownersOf(found.stream().map(EvaluationView::caseNo).toList());
        List<RatingJson> items = found.stream().map(e -> presenter.present(e, viewer, owners.get(e.caseNo()))).toList();
        if (viewer.seesEvaluatorIdentity() && !items.isEmpty()) {
            audit.record("READ_EVALUATOR_MASKED", "evaluations", items.size() + " ratings listed with masked identity");
        }
        return new Page<>(items, filter.pageOrZero(), filter.sizeOrDefault(), evaluations.count(where, params));
    }

    RatingJson detail(String id, CurrentUser viewer) {
        EvaluationView found = visible(id, viewer);
        RatingJson rating = presenter.present(found, viewer, cases.ownersOf(List.of(found.caseNo())).get(found.caseNo()));
        if (rating.evaluator() != null) {
            audit.record("READ_EVALUATOR_MASKED", "evaluation:" + id, null);
        }
        return rating;
    }

    /** The supervision office's explicit, audited request for the full identity, with its stated purpose. */
    RevealedIdentity reveal(String id, RevealPurpose purpose, String note, CurrentUser viewer) {
        EvaluationView rating = visible(id, viewer);
        if (!viewer.seesEvaluatorIdentity()) {
            throw DomainProblem.forbidden("只有政务服务管理部门可以查看评价人身份。");
        }
        if (purpose == null) {
            throw org.haochaping.system.FieldProblem.of("purpose", "请说明查看目的");
        }
        if (rating.evaluator() == null) {
            throw DomainProblem.notFound("该评价没有评价人身份信息。");
        }
        audit.record("REVEAL_EVALUATOR", "evaluation:" + id, purpose.name() + (note == null ? "" : " " + note));
        var who = rating.evaluator();
        return new RevealedIdentity(vault.unseal(who.name()), who.idType(), vault.unseal(who.idNumber()),
                vault.unseal(who.mobile()), purpose);
    }

    private EvaluationView visible(String id, CurrentUser viewer) {
        return evaluations.find(id)
                .filter(e -> viewer.readsRatings()
                        && viewer.scope().covers(e.regionCode(), e.departmentCode(), e.serviceBodyCode(), e.staffNo()))
                .orElseThrow(() -> DomainProblem.notFound("评价不存在：" + id));
    }
}
