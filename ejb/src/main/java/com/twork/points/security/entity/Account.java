package com.twork.points.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A login for a person: staff (ADMIN, MANAGER) or a customer linked to its member. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.findByLogin", query = "SELECT a FROM Account a WHERE a.login = :login")
@NamedQuery(name = "Account.findAll", query = "SELECT a FROM Account a ORDER BY a.id")
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "login", nullable = false, updatable = false)
    private String login;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Role role;

    @Column(name = "member_user_id")
    private Long memberUserId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected Account() {}

    public Account(String login, String passwordHash, Role role, Long memberUserId, Instant now) {
        if (role == Role.CUSTOMER && memberUserId == null) {
            throw new IllegalArgumentException("a customer account belongs to a member");
        }
        this.login = Objects.requireNonNull(login);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = role;
        this.memberUserId = memberUserId;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changePasswordHash(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.updatedAt = now;
    }

    public void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public void loggedIn(Instant now) {
        this.lastLoginAt = now;
    }

    public Long id() {
        return id;
    }

    public String login() {
        return login;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Optional<Long> memberUserId() {
        return Optional.ofNullable(memberUserId);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastLoginAt() {
        return Optional.ofNullable(lastLoginAt);
    }
}
