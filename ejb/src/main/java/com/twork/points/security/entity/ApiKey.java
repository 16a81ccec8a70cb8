package com.twork.points.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored API key. Neither the consumer key nor the secret is kept: the key as WooCommerce's lookup hash, the
 * secret as SHA-256 (it carries 160 random bits, so a fast hash is enough).
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = "ApiKey.findByConsumerKeyHash", query = "SELECT k FROM ApiKey k WHERE k.consumerKeyHash = :hash")
@NamedQuery(name = "ApiKey.findAll", query = "SELECT k FROM ApiKey k ORDER BY k.id")
public class ApiKey {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "permissions", nullable = false)
    private Permission permissions;

    @Column(name = "consumer_key_hash", nullable = false, updatable = false)
    private String consumerKeyHash;

    @Column(name = "consumer_secret_hash", nullable = false, updatable = false)
    private String consumerSecretHash;

    @Column(name = "truncated_key", nullable = false, updatable = false)
    private String truncatedKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "last_access")
    private Instant lastAccess;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiKey() {}

    /** A key from its material: the consumer key is kept as WooCommerce's lookup hash, the secret as SHA-256. */
    public ApiKey(
            String description,
            Permission permissions,
            String consumerKeyHash,
            String consumerSecretHash,
            String truncatedKey,
            String createdBy,
            Instant now) {
        this.description = description;
        this.permissions = permissions;
        this.consumerKeyHash = consumerKeyHash;
        this.consumerSecretHash = consumerSecretHash;
        this.truncatedKey = truncatedKey;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Permission permissions() {
        return permissions;
    }

    public String consumerSecretHash() {
        return consumerSecretHash;
    }

    public String truncatedKey() {
        return truncatedKey;
    }

    public Optional<Instant> lastAccess() {
        return Optional.ofNullable(lastAccess);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
