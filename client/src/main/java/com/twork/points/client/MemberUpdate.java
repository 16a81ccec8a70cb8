package com.twork.points.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /members/{user_id}} (an upsert): fields not set stay as they are, {@code clear...}
 * empties a field on the server. Every method returns a new update.
 */
public final class MemberUpdate {
    private final ObjectNode fields;

    private MemberUpdate(ObjectNode fields) {
        this.fields = fields;
    }

    /** Changes nothing (creates the member when missing). */
    public static MemberUpdate none() {
        return new MemberUpdate(JsonNodeFactory.instance.objectNode());
    }

    public MemberUpdate email(String email) {
        return with("email", Checks.text(email, "email"));
    }

    public MemberUpdate clearEmail() {
        return with("email", null);
    }

    public MemberUpdate displayName(String name) {
        return with("display_name", Checks.text(name, "displayName"));
    }

    public MemberUpdate clearDisplayName() {
        return with("display_name", null);
    }

    public MemberUpdate status(MemberStatus status) {
        return with("status", status.wire());
    }

    public MemberUpdate birthday(LocalDate birthday) {
        return with("birthday", birthday.toString());
    }

    public MemberUpdate clearBirthday() {
        return with("birthday", null);
    }

    ObjectNode body() {
        return fields.deepCopy();
    }

    private MemberUpdate with(String name, String value) {
        ObjectNode next = fields.deepCopy();
        if (value == null) {
            next.putNull(name);
        } else {
            next.put(name, value);
        }
        return new MemberUpdate(next);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return "MemberUpdate" + names;
    }
}
