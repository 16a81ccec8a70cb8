package com.twork.points.security.boundary;

/** A command aimed at one member, so a customer's access can be checked against its own member. */
public interface MemberTarget {
    long userId();
}
