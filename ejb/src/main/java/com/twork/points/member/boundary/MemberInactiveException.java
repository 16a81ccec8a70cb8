package com.twork.points.member.boundary;

import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.boundary.ApplicationFailure;

/** The target member exists but is inactive: no points may be read or moved. */
public class MemberInactiveException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public MemberInactiveException() {
        super("User account is not active");
    }

    protected MemberInactiveException(String message) {
        super(message);
    }

    /** The failure for a member that is not active: erased members say so with their own code. */
    public static MemberInactiveException of(MemberStatus status) {
        return status == MemberStatus.ERASED ? new MemberErasedException() : new MemberInactiveException();
    }
}
