package org.haochaping.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a bearer token for the staff JSON API. */
@RestController
class AuthController {

    record TokenRequest(@NotBlank(message = "不能为空") @Size(max = 64) String username,
            @NotBlank(message = "不能为空") @Size(max = 128) String password) {
    }

    private final AccountAuthenticator authenticator;
    private final ApiTokens tokens;

    AuthController(AccountAuthenticator authenticator, ApiTokens tokens) {
        this.authenticator = authenticator;
        this.tokens = tokens;
    }

    /** Revokes the bearer token the request carries (log out of the API). */
    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/auth/token")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@org.springframework.web.bind.annotation.RequestHeader("Authorization") String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).trim());
    }

    @PostMapping("/api/v1/auth/token")
    ApiTokens.IssuedToken token(@Valid @RequestBody TokenRequest request) {
        try {
            var auth = authenticator.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
            return tokens.issue((CurrentUser) auth.getPrincipal());
        } catch (AuthenticationException e) {
            throw new DomainProblem(HttpStatus.UNAUTHORIZED, "未认证", e.getMessage());
        }
    }
}
