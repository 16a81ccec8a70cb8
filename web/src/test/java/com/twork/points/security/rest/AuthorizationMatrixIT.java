package com.twork.points.security.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Reply;
import com.twork.points.it.Session;
import com.twork.points.it.SharedServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §4 "who may do what", every cell: 14 kinds of caller against 8 operations on customer A's member, each
 * answer checked for its status and code. All cells are collected first and reported together.
 */
@ExtendWith(SharedServer.class)
class AuthorizationMatrixIT {
    private static final String PASSWORD = "correct horse battery";

    /** How a caller makes a request to a path, with a method and an optional JSON body. */
    interface Caller {
        HttpRequest.Builder to(String path);
    }

    record Operation(String name, String method, String path, String body, boolean write, boolean customerMayDo) {}

    @Test
    void everyCallerGetsExactlyWhatTheTableSays() {
        long memberA = Fixtures.newMember();
        long memberB = Fixtures.newMember();
        Fixtures.insertLot(memberA, "earn", 1_000, Fixtures.now(), null);
        String suffix = Long.toString(memberA);
        Fixtures.newAccount("cust-a-" + suffix, PASSWORD, "CUSTOMER", memberA);
        Fixtures.newAccount("cust-b-" + suffix, PASSWORD, "CUSTOMER", memberB);
        Fixtures.newAccount("manager-" + suffix, PASSWORD, "MANAGER", null);
        Fixtures.newAccount("admin-" + suffix, PASSWORD, "ADMIN", null);
        Session customerA = Session.login("cust-a-" + suffix, PASSWORD);
        Session customerB = Session.login("cust-b-" + suffix, PASSWORD);
        Session manager = Session.login("manager-" + suffix, PASSWORD);
        Session admin = Session.login("admin-" + suffix, PASSWORD);
        Fixtures.Key read = Fixtures.newKey("read");
        Fixtures.Key write = Fixtures.newKey("read_write");
        Fixtures.Key revoked = Fixtures.writeKey();
        Fixtures.revoke(revoked);
        Fixtures.Key unknown = new Fixtures.Key(0, "ck_" + "1".repeat(40), "cs_" + "2".repeat(40));
        Fixtures.Key wrongSecret = new Fixtures.Key(0, write.consumerKey(), "cs_" + "3".repeat(40));

        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("none", path -> Api.request(Api.PREFIX + path));
        callers.put("malformed header", path -> Api.request(Api.PREFIX + path).header("Authorization", "Basic %%%"));
        callers.put("unknown key", key(unknown));
        callers.put("wrong secret", key(wrongSecret));
        callers.put("revoked key", key(revoked));
        callers.put("read key", key(read));
        callers.put("write key", key(write));
        callers.put("customer A without nonce", path -> customerA.withNonce(path, Optional.empty()));
        callers.put("customer A wrong nonce", path -> customerA.withNonce(path, Optional.of("not-the-nonce")));
        callers.put(
                "customer A expired nonce",
                path -> customerA.withNonce(path, Optional.of(customerA.nonceForTick(Session.currentTick() - 2))));
        callers.put("customer A", path -> customerA.request(path));
        callers.put("customer B", path -> customerB.request(path));
        callers.put("manager", path -> manager.request(path));
        callers.put("admin", path -> admin.request(path));

        List<Operation> operations = List.of(
                new Operation("balance", "GET", "/balance/" + memberA, null, false, true),
                new Operation("transactions", "GET", "/transactions/" + memberA, null, false, true),
                new Operation("expiring", "GET", "/expiring/" + memberA, null, false, true),
                new Operation("earn", "POST", "/earn", "{\"user_id\": " + memberA + ", \"points\": 1}", true, false),
                new Operation("redeem", "POST", "/redeem", "{\"user_id\": " + memberA + ", \"points\": 1}", true, true),
                new Operation(
                        "sync", "POST", "/sync", "{\"user_id\": " + memberA + ", \"transactions\": []}", true, false),
                new Operation("members GET", "GET", "/members/" + memberA, null, false, true),
                new Operation("members PUT", "PUT", "/members/" + memberA, "{\"display_name\": \"A\"}", true, false));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Caller> caller : callers.entrySet()) {
            for (Operation operation : operations) {
                String expected = expected(caller.getKey(), operation);
                Reply reply = Api.send(build(caller.getValue(), operation));
                String actual = reply.status()
                        + (reply.status() == 200 ? "" : " " + reply.object().getString("code"));
                if (!expected.equals(actual)) {
                    wrong.add(
                            caller.getKey() + " x " + operation.name() + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertEquals(List.of(), wrong, "cells that differ from SPEC §4");
    }

    private static String expected(String caller, Operation operation) {
        return switch (caller) {
            case "none", "malformed header", "unknown key", "wrong secret", "revoked key", "customer A without nonce" ->
                "401 rest_forbidden";
            case "customer A wrong nonce", "customer A expired nonce" -> "403 rest_invalid_nonce";
            case "read key" -> operation.write() ? "403 rest_forbidden_permission" : "200";
            case "write key", "manager", "admin" -> "200";
            case "customer A" -> operation.customerMayDo() ? "200" : "403 rest_forbidden_permission";
            case "customer B" ->
                operation.customerMayDo() ? "403 rest_forbidden_user" : "403 rest_forbidden_permission";
            default -> throw new IllegalArgumentException(caller);
        };
    }

    private static Caller key(Fixtures.Key key) {
        return path -> Api.request(Api.PREFIX + path)
                .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()));
    }

    private static HttpRequest build(Caller caller, Operation operation) {
        HttpRequest.Builder builder = caller.to(operation.path());
        Function<String, HttpRequest.BodyPublisher> body = HttpRequest.BodyPublishers::ofString;
        if (operation.body() == null) {
            return builder.method(operation.method(), HttpRequest.BodyPublishers.noBody())
                    .build();
        }
        return builder.header("Content-Type", "application/json")
                .method(operation.method(), body.apply(operation.body()))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
