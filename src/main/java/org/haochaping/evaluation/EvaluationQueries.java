package org.haochaping.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.system.DomainProblem;
import org.springframework.stereotype.Service;

/** The rating list and detail, limited to the viewer's data scope; outside it a rating does not exist (404). */
@Service
class EvaluationQueries {

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final Evaluations evaluations;
    private final RatingPresenter presenter;

    EvaluationQueries(Evaluations evaluations, RatingPresenter presenter) {
        this.evaluations = evaluations;
        this.presenter = presenter;
    }

    Page<RatingJson> list(EvaluationFilter filter, CurrentUser viewer) {
        DataScope scope = viewer.readsRatings() ? viewer.scope() : new DataScope(null, null, null, null, true);
        String where = scope.sql("e") + " and " + filter.sql("e");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(filter.params());
        List<RatingJson> items = evaluations.page(where, params, filter.pageOrZero(), filter.sizeOrDefault()).stream()
                .map(e -> presenter.present(e, viewer)).toList();
        return new Page<>(items, filter.pageOrZero(), filter.sizeOrDefault(), evaluations.count(where, params));
    }

    RatingJson detail(String id, CurrentUser viewer) {
        return evaluations.find(id)
                .filter(e -> viewer.readsRatings()
                        && viewer.scope().covers(e.regionCode(), e.departmentCode(), e.serviceBodyCode(), e.staffNo()))
                .map(e -> presenter.present(e, viewer))
                .orElseThrow(() -> DomainProblem.notFound("评价不存在：" + id));
    }
}
