package com.twork.points.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A customer of the shop, identified by the shop's numeric user id. */
@Entity
@Table(name = "member")
public class Member {
    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "email")
    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "status", nullable = false)
    private MemberStatus status;

    @Column(name = "birthday")
    private LocalDate birthday;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Member() {}

    public Member(long userId, String email, String displayName, LocalDate birthday, Instant now) {
        if (userId <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
        this.birthday = birthday;
        this.status = MemberStatus.ACTIVE;
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    /** Applies the given changes; an empty outer Optional leaves a field as it is, an empty inner one clears it. */
    public void update(
            Optional<Optional<String>> newEmail,
            Optional<Optional<String>> newDisplayName,
            Optional<MemberStatus> newStatus,
            Optional<Optional<LocalDate>> newBirthday,
            Instant now) {
        if (isErased()) {
            throw new IllegalStateException("an erased member never changes again");
        }
        newEmail.ifPresent(value -> email = value.orElse(null));
        newDisplayName.ifPresent(value -> displayName = value.orElse(null));
        newStatus.ifPresent(value -> status = value);
        newBirthday.ifPresent(value -> birthday = value.orElse(null));
        updatedAt = now;
    }

    /**
     * Removes every personal field and closes the member for good (docs/privacy.md): the row stays, so the ledger
     * keeps its owner and the user id is never given to anybody else.
     */
    public void erase(Instant now) {
        email = null;
        displayName = null;
        birthday = null;
        status = MemberStatus.ERASED;
        updatedAt = now;
    }

    public boolean isErased() {
        return status == MemberStatus.ERASED;
    }

    public long userId() {
        return userId;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    public MemberStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    public Optional<LocalDate> birthday() {
        return Optional.ofNullable(birthday);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
