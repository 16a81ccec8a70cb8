package com.twork.points.client;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** {@code GET} and {@code PUT /members/{user_id}}; {@code createdAt} is site time. */
public record Member(
        long userId,
        Optional<String> email,
        Optional<String> displayName,
        MemberStatus status,
        Optional<LocalDate> birthday,
        LocalDateTime createdAt) {}
