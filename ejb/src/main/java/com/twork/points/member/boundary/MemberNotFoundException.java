package com.twork.points.member.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** The target member does not exist (and may not be created by this call). */
public class MemberNotFoundException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public MemberNotFoundException() {
        super("User not found");
    }
}
