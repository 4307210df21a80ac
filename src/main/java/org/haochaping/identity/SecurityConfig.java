package org.haochaping.identity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the JSON API (stateless; signed requests for integrating systems, bearer tokens for staff)
 * and the web console (form login, database sessions, CSRF). Security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiClients clients, PersonalDataVault vault, JdbcClient jdbc,
            IdentitySettings settings, Clock clock, ApiTokens tokens) throws Exception {
        SignedRequestFilter signed = new SignedRequestFilter(clients, vault, jdbc, settings, clock);
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(signed, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(tokens), SignedRequestFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/public-comments", "/api/v1/public-comments/code").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations", "/api/v1/evaluations/*/follow-up")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(res, 401, "未认证",
                                "请先认证：员工使用 Bearer 令牌，对接系统使用签名请求。"))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res, 403, "无权操作",
                                "当前身份无权执行此操作。")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AccountAuthenticator authenticator, Accounts accounts) throws Exception {
        http.authenticationProvider(authenticator)
                .addFilterAfter(new DisabledAccountFilter(accounts),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/e/**", "/w/**", "/device/**", "/public/**", "/css/**",
                                "/js/**", "/img/**", "/webjars/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/v3/api-docs/**", "/actuator/health/**", "/error", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/f/**", "/c", "/c/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/console", true)
                        .failureHandler((req, res, ex) -> res.sendRedirect(
                                req.getContextPath() + "/login?" + (ex instanceof LockedException ? "locked" : "error")))
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.ignoringRequestMatchers("/e/**", "/w/**", "/device/**", "/f/**", "/c", "/c/**"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
