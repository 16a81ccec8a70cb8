package com.twork.points.order.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** A webhook whose X-WC-Webhook-Signature is missing or wrong (or no webhook secret is configured). */
public class InvalidSignatureException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public InvalidSignatureException() {
        super("Invalid webhook signature");
    }
}
