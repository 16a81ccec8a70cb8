package com.twork.points.member.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** The target member exists but is inactive: no points may be read or moved. */
public class MemberInactiveException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public MemberInactiveException() {
        super("User account is not active");
    }
}
