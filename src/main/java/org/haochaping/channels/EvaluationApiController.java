package org.haochaping.channels;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/evaluations}: the rating as JSON, by token or from a trusted (signed) platform. */
@RestController
class EvaluationApiController {

    /** The stored rating as answered to whoever submitted it (no evaluator identity). */
    record StoredRating(String id, String caseNo, Level level, Map<Dimension, Level> dimensions, List<String> reasons,
            String comment, Channel channel, OffsetDateTime submittedAt, boolean valid, boolean defaulted) {

        static StoredRating of(EvaluationView e) {
            return new StoredRating(e.id(), e.caseNo(), e.level(), e.dimensions(), e.reasons(), e.comment(),
                    e.channel(), e.submittedAt(), e.valid(), e.defaulted());
        }
    }

    private final RatingService ratings;

    EvaluationApiController(RatingService ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/api/v1/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    StoredRating submit(@Valid @RequestBody RatingInput input, @AuthenticationPrincipal Object principal) {
        if (input.level() == null) {
            throw FieldProblem.of("level", "不能为空");
        }
        if (principal instanceof ApiClientPrincipal client && input.token() == null) {
            if (client.kind() != ApiClientPrincipal.Kind.PLATFORM) {
                throw DomainProblem.forbidden("只有受信任的平台可以按办件编号提交评价。");
            }
            return StoredRating.of(ratings.rateAsPlatform(client, input));
        }
        if (input.token() == null || input.token().isBlank()) {
            throw FieldProblem.of("token", "不能为空");
        }
        return StoredRating.of(ratings.rateWithToken(input.token(), input));
    }
}
