package com.twork.points.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeyHashingTest {
    private static final String CK = "ck_0123456789abcdef0123456789abcdef01234567";
    private static final String CS = "cs_0123456789abcdef0123456789abcdef01234567";

    @Test
    void lookupHashIsWooCommercesHmacWithKeyWcApi() {
        // Expected value from an independent implementation: Python's hmac.new(b"wc-api", ck, sha256).hexdigest(),
        // which is what PHP's hash_hmac('sha256', $ck, 'wc-api') returns.
        assertEquals(
                "4ffbd479cad9f24fb43a1516cb436a9dad0e2e23ef491464e29c2d81dae32edd", KeyHashing.consumerKeyHash(CK));
    }

    @Test
    void secretIsKeptAsSha256AndComparedByHash() {
        String stored = KeyHashing.secretHash(CS);
        assertEquals("0764037064eab9b0970126bb1d36d43c7188a1ebe26894f6e6d923a23bb34496", stored);
        assertTrue(KeyHashing.secretMatches(CS, stored));
        assertFalse(KeyHashing.secretMatches(CS.replace('7', '8'), stored));
        assertFalse(KeyHashing.secretMatches("", stored));
    }

    @Test
    void newKeysHaveWooCommerceShapeAndDiffer() {
        String key = KeyHashing.newConsumerKey();
        String secret = KeyHashing.newConsumerSecret();
        assertTrue(KeyHashing.isConsumerKey(key), key);
        assertTrue(KeyHashing.isConsumerSecret(secret), secret);
        assertNotEquals(key, KeyHashing.newConsumerKey());
        assertEquals(key.substring(36), KeyHashing.truncated(key));
    }

    @Test
    void shapesAreCheckedStrictly() {
        assertFalse(KeyHashing.isConsumerKey("ck_123"));
        assertFalse(KeyHashing.isConsumerKey(CS));
        assertFalse(KeyHashing.isConsumerKey(CK.toUpperCase(Locale.ROOT)));
        assertFalse(KeyHashing.isConsumerSecret(CK));
        assertFalse(KeyHashing.isConsumerKey(null));
    }

    @Test
    void presentedPairNeverPrintsTheSecret() {
        String text = new PresentedCredentials.ApiKeyPair(CK, CS).toString();
        assertFalse(text.contains(CS), text);
        assertFalse(text.contains(CK), text);
    }
}
