package com.twork.points.member.boundary;

import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.security.boundary.MemberTarget;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code PUT /members/{user_id}}: for each field, an empty outer Optional means "not sent, leave as is" and an
 * empty inner one means "sent as null, clear it". {@code problem} is reported after the caller and member checks.
 */
public record MemberChanges(
        long userId,
        Optional<Optional<String>> email,
        Optional<Optional<String>> displayName,
        Optional<MemberStatus> status,
        Optional<Optional<LocalDate>> birthday,
        Optional<InvalidInputException> problem)
        implements MemberTarget {}
