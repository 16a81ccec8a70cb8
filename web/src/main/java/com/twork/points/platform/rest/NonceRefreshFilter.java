package com.twork.points.platform.rest;

import com.twork.points.security.boundary.AccountService;
import com.twork.points.security.control.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** A call made with a valid session and nonce gets a fresh nonce back in {@code X-WP-Nonce}, as in WordPress. */
@Provider
@ApplicationScoped
public class NonceRefreshFilter implements ContainerResponseFilter {
    @Inject
    CallerContext caller;

    @Inject
    AccountService accounts;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (caller.caller().flatMap(verified -> verified.sessionId()).isPresent()
                && !response.getHeaders().containsKey(CredentialsFilter.NONCE_HEADER)) {
            accounts.currentNonce()
                    .ifPresent(nonce -> response.getHeaders().putSingle(CredentialsFilter.NONCE_HEADER, nonce));
        }
    }
}
