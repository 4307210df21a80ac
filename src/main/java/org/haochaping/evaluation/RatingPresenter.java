package org.haochaping.evaluation;

import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.identity.Role;
import org.springframework.stereotype.Component;

/** The one place that decides what of a rating a viewer may see (domain §8, "Who sees what of a rating"). */
@Component
class RatingPresenter {

    private final PersonalDataVault vault;

    RatingPresenter(PersonalDataVault vault) {
        this.vault = vault;
    }

    RatingJson present(EvaluationView e, CurrentUser viewer) {
        boolean ratedStaff = viewer.role() == Role.STAFF;
        boolean identity = viewer.seesEvaluatorIdentity() && e.evaluator() != null;
        return new RatingJson(e.id(), ratedStaff ? null : e.caseNo(), e.level(), e.level().label(), e.dimensions(),
                e.reasons(), e.comment(), e.channel(), ratedStaff ? null : e.submittedAt(),
                e.submittedAt().toLocalDate(), e.valid(), e.quarantined(), e.defaulted(), e.itemCode(), e.itemName(),
                e.departmentCode(), e.serviceBodyCode(), e.windowCode(), e.staffNo(), e.regionCode(),
                identity ? e.evaluator().masked(vault) : null);
    }
}
