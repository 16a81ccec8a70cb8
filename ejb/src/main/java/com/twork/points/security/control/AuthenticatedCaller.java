package com.twork.points.security.control;

import com.twork.points.security.entity.Permission;

/** A verified caller: {@code actor} is what the ledger and the audit log record (e.g. {@code key:12}). */
public record AuthenticatedCaller(String actor, Permission permission) {}
