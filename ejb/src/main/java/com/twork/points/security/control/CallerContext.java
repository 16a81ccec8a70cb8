package com.twork.points.security.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The identity of the current request: filled with what the request presented by the web layer, and with the
 * verified caller by the authentication interceptor on the service boundary.
 */
@RequestScoped
public class CallerContext {
    private PresentedCredentials presented = new PresentedCredentials.None();
    private String clientAddress = "unknown";
    private AuthenticatedCaller caller;

    public void present(PresentedCredentials credentials, String clientAddress) {
        this.presented = credentials;
        this.clientAddress = clientAddress;
    }

    public PresentedCredentials presented() {
        return presented;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public void authenticated(AuthenticatedCaller verified) {
        this.caller = verified;
    }

    public Optional<AuthenticatedCaller> caller() {
        return Optional.ofNullable(caller);
    }
}
