package com.twork.points.client.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts the queue file. Either the caller supplies it (from the platform's key store, e.g.
 * Android Keystore or a desktop secret service) or it lives in a password-protected PKCS#12 file that is created on
 * first use. The key is never written anywhere in plaintext and never printed.
 */
public final class QueueKey {
    private static final int KEY_BYTES = 32;
    private final SecretKey key;

    private QueueKey(SecretKey key) {
        this.key = key;
    }

    /** A caller-supplied 256-bit key (the array is copied; wipe yours afterwards). */
    public static QueueKey of(byte[] rawKey) {
        if (rawKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the queue key must be 256 bits (32 bytes)");
        }
        return new QueueKey(new SecretKeySpec(rawKey.clone(), "AES"));
    }

    /** A caller-supplied AES key of 256 bits. */
    public static QueueKey of(SecretKey secretKey) {
        byte[] encoded = secretKey.getEncoded();
        try {
            if (!"AES".equalsIgnoreCase(secretKey.getAlgorithm()) || encoded == null || encoded.length != KEY_BYTES) {
                throw new IllegalArgumentException("the queue key must be an extractable 256-bit AES key");
            }
            return of(encoded);
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    /** A fresh random key (for tests, or to store yourself). */
    public static QueueKey generate() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, new SecureRandom());
            return new QueueKey(generator.generateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate AES keys", e);
        }
    }

    /**
     * The key under {@code alias} in a PKCS#12 key store protected by {@code password}; when the file or the entry
     * does not exist yet, a random key is generated and stored (atomically, owner-only permissions). A wrong password
     * or a damaged file is a {@link QueueStorageException}.
     */
    public static QueueKey fromKeyStore(Path keyStoreFile, char[] password, String alias) {
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(keyStoreFile)) {
                try (InputStream in = Files.newInputStream(keyStoreFile)) {
                    store.load(in, password);
                }
                KeyStore.Entry entry = store.getEntry(alias, protection);
                if (entry instanceof KeyStore.SecretKeyEntry secret) {
                    return of(secret.getSecretKey());
                }
                if (entry != null) {
                    throw new QueueStorageException("key store entry " + alias + " is not a secret key", null);
                }
            } else {
                store.load(null, password);
            }
            QueueKey created = generate();
            store.setEntry(alias, new KeyStore.SecretKeyEntry(created.key), protection);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            AtomicFiles.write(keyStoreFile, out.toByteArray(), AtomicFiles.BeforeRename.NOTHING);
            return created;
        } catch (IOException | GeneralSecurityException e) {
            throw new QueueStorageException(
                    "Cannot use the queue key store " + keyStoreFile + " (wrong password or damaged file)", e);
        } finally {
            try {
                protection.destroy();
            } catch (javax.security.auth.DestroyFailedException e) {
                // PasswordProtection only clears its own copy of the password; nothing else to do.
            }
        }
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "QueueKey[AES-256, ***]";
    }
}
