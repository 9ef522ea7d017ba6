package io.siyu.access;

import io.siyu.shared.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two ways in: the console's session cookie (with a CSRF token in the {@code XSRF-TOKEN} cookie, echoed in
 * {@code X-XSRF-TOKEN}), and {@code Authorization: Bearer <api key>} for machine clients. Everything under
 * {@code /api} needs one of them; each endpoint then checks its permission with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Only a web server needs a filter chain; {@code ./siyu generate} runs without one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class FilterChainConfiguration {

        /**
         * Customer-facing calls: a customer link's token and nothing else (no session is read or made, no CSRF
         * cookie, since no cookie authenticates); checked before the staff chain sees the request.
         */
        @Bean
        @Order(1)
        SecurityFilterChain customerLinkChain(
                HttpSecurity http, CustomerLinks links, Problems problems, AccessProperties properties)
                throws Exception {
            http.securityMatcher(CustomerLinkFilter.PATH + "**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .securityContext(context ->
                            context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .requestCache(cache -> cache.disable())
                    .addFilterBefore(
                            new CustomerLinkFilter(links, problems, properties.linkRequestsPerMinute()),
                            AnonymousAuthenticationFilter.class);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain api(
                HttpSecurity http,
                ApiKeys apiKeys,
                Problems problems,
                StaffAccounts accounts,
                TransactionTemplate transactions,
                SecurityContextRepository contexts)
                throws Exception {
            var csrfHandler = new CsrfTokenRequestAttributeHandler();
            csrfHandler.setCsrfRequestAttributeName(null);
            http.authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN_PATH, "/api/v1/auth/session")
                            .permitAll()
                            .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAuthority(Permission.METRICS_READ)
                            .requestMatchers("/api/**")
                            .authenticated()
                            .anyRequest()
                            .permitAll())
                    .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                            .csrfTokenRequestHandler(csrfHandler)
                            .ignoringRequestMatchers(
                                    request -> request.getHeader("Authorization") != null,
                                    // machine callbacks (WeCom) prove themselves by signature, not by session
                                    request -> request.getRequestURI().startsWith("/callbacks/"),
                                    request -> LOGIN_PATH.equals(request.getRequestURI())))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                    .securityContext(context -> context.securityContextRepository(contexts))
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .requestCache(cache -> cache.disable())
                    .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline';"
                                    // the H5 pages' icon font (Vant) is inlined in their stylesheet
                                    + " font-src 'self' data:;"
                                    + " script-src 'self'; frame-ancestors 'none'")))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                                var expired =
                                        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
                                problems.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        expired ? "auth.session-expired" : "auth.required");
                            })
                            .accessDeniedHandler((request, response, e) -> problems.write(
                                    request,
                                    response,
                                    HttpStatus.FORBIDDEN,
                                    e instanceof CsrfException ? "auth.csrf" : "problem.forbidden")))
                    .addFilterBefore(new ApiKeyFilter(apiKeys, problems), AnonymousAuthenticationFilter.class)
                    .addFilterAfter(
                            new TenantBindingFilter(accounts, transactions, problems),
                            AnonymousAuthenticationFilter.class)
                    .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
            return http.build();
        }
    }

    static final String LOGIN_PATH = "/api/v1/auth/login";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Argon2id for new hashes; bcrypt still verifies, should hashes ever be imported from elsewhere. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        var encoder = new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
        encoder.setDefaultPasswordEncoderForMatches(argon2);
        return encoder;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Makes the deferred CSRF token render, so the console always has a current XSRF-TOKEN cookie. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
