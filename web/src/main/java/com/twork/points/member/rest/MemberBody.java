package com.twork.points.member.rest;

/** A member on the wire; {@code birthday} is {@code YYYY-MM-DD} or null, {@code created_at} site time. */
public record MemberBody(
        long userId, String email, String displayName, String status, String birthday, String createdAt) {}
