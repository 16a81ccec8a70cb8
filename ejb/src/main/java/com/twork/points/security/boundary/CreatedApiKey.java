package com.twork.points.security.boundary;

/** A key just created: the only moment its consumer key and secret exist outside the caller's hands. */
public record CreatedApiKey(ApiKeyView key, String consumerKey, String consumerSecret) {
    @Override
    public String toString() {
        return "CreatedApiKey[" + key + ", consumerKey=***, consumerSecret=***]";
    }
}
