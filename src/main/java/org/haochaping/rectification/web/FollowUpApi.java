package org.haochaping.rectification.web;

import jakarta.validation.Valid;

import org.haochaping.rectification.internal.FollowUps;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/evaluations/{id}/follow-up}: the evaluator's one follow-up rating (追评), with the feedback link's token. */
@RestController
class FollowUpApi {

    private final FollowUps followUps;

    FollowUpApi(FollowUps followUps) {
        this.followUps = followUps;
    }

    @PostMapping("/api/v1/evaluations/{id}/follow-up")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUps.FollowUp submit(@PathVariable String id, @Valid @RequestBody Requests.FollowUp body) {
        return followUps.submit(id, body.token(), body.level(), body.comment());
    }
}
