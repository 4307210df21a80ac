package org.haochaping.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates staff API calls that carry {@code Authorization: Bearer <token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser user = tokens.resolve(header.substring(7).trim()).orElse(null);
        if (user == null) {
            ProblemResponses.write(response, 401, "未认证", "访问令牌无效或已过期，请重新获取。");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(AccountAuthenticator.authenticated(user));
        chain.doFilter(request, response);
    }
}
