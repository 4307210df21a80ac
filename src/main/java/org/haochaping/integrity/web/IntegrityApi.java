package org.haochaping.integrity.web;

import org.haochaping.identity.CurrentUser;
import org.haochaping.integrity.IntegrityManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff JSON API of the review queue and the ledger check (api.md, bearer token). */
@RestController
class IntegrityApi {

    /** A review decision: {@code release} true puts the rating back, false declares it invalid (fraud confirmed). */
    record DecisionRequest(Boolean release, String note) {
    }

    private final IntegrityManagement integrity;

    IntegrityApi(IntegrityManagement integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/api/v1/integrity/quarantine")
    IntegrityManagement.Page<IntegrityManagement.HeldRating> quarantine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
        return integrity.quarantine(user, page, size);
    }

    @PostMapping("/api/v1/integrity/quarantine/{evaluationId}/decision")
    IntegrityManagement.Decision decide(@PathVariable String evaluationId, @RequestBody DecisionRequest request,
            @AuthenticationPrincipal CurrentUser user) {
        return integrity.decide(evaluationId, request.release(), request.note(), user);
    }

    @GetMapping("/api/v1/integrity/ledger/verification")
    IntegrityManagement.Verification verification(@RequestParam(required = false) String regionCode,
            @AuthenticationPrincipal CurrentUser user) {
        return integrity.verify(user, regionCode);
    }
}
