package com.twork.points.member.boundary;

/**
 * The target member was erased (docs/privacy.md): closed for good, so nothing is read from or written to its points
 * any more. A kind of inactive member, so every check that refuses inactive members refuses it too, with its own
 * code.
 */
public class MemberErasedException extends MemberInactiveException {
    private static final long serialVersionUID = 1L;

    public MemberErasedException() {
        super("User account has been erased");
    }
}
