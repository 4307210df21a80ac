package org.haochaping.evaluation;

import org.haochaping.casework.CaseOrigin;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.identity.Role;
import org.springframework.stereotype.Component;

/** The one place that decides what of a rating a viewer may see (domain §8, "Who sees what of a rating"). */
@Component
class RatingPresenter {

    private final PersonalDataVault vault;
    private final CatalogManagement catalog;

    RatingPresenter(PersonalDataVault vault, CatalogManagement catalog) {
        this.vault = vault;
        this.catalog = catalog;
    }

    RatingJson present(EvaluationView e, CurrentUser viewer, CaseOrigin owner) {
        boolean ratedStaff = viewer.role() == Role.STAFF;
        boolean identity = viewer.seesEvaluatorIdentity() && e.evaluator() != null;
        return new RatingJson(e.id(), ratedStaff ? null : e.caseNo(), e.level(), e.level().label(), e.dimensions(),
                e.reasons(), e.comment(), e.channel(), ratedStaff ? null : e.submittedAt(),
                e.submittedAt().toLocalDate(), e.valid(), e.quarantined(), e.defaulted(), e.itemCode(), e.itemName(),
                e.departmentCode(), catalog.department(e.departmentCode()).map(CatalogManagement.Department::name).orElse(null),
                e.serviceBodyCode(), e.serviceBodyCode() == null ? null
                        : catalog.serviceBody(e.serviceBodyCode()).map(CatalogManagement.ServiceBody::name).orElse(null), e.windowCode(), e.staffNo(), e.regionCode(),
                identity ? e.evaluator().masked(vault) : null, owner == null ? null : owner.displayName());
    }
}
