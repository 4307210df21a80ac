package org.haochaping.evaluation;

import org.haochaping.casework.CaseView;

/**
 * Hands a person's rating of a case that another platform owns (a case a lower-level platform reported here) to
 * that owner, which handles it (domain §8, "Both directions with the province, one handler"; 第五条). Implemented
 * by the exchange module; evaluation only asks before it stores such a rating.
 */
public interface OwnerRelay {

    /**
     * Called in the transaction that stores {@code rating}, before it is stored. Throws {@link CaseAlreadyRated} when
     * the owner already has a rating of the case (the answer a second rating gets locally); otherwise sees to it that
     * the rating reaches the owner, now or, when the owner cannot be reached, later.
     */
    void relay(CaseView c, EvaluationView rating);
}
