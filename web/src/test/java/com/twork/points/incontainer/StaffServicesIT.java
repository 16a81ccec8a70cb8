package com.twork.points.incontainer;

import static com.twork.points.incontainer.ContainerSql.count;
import static com.twork.points.incontainer.ContainerSql.text;
import static com.twork.points.incontainer.ContainerSql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.audit.boundary.AuditService;
import com.twork.points.audit.boundary.ChainVerification;
import com.twork.points.expiry.boundary.ExpiryService;
import com.twork.points.it.ContainerDatabase;
import com.twork.points.ledger.boundary.AdjustmentRefusedException;
import com.twork.points.ledger.boundary.AdjustmentResult;
import com.twork.points.ledger.boundary.AdjustmentService;
import com.twork.points.member.boundary.MemberChanges;
import com.twork.points.member.boundary.MemberService;
import com.twork.points.ops.boundary.FailureAlertService;
import com.twork.points.ops.boundary.ReconciliationService;
import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.order.boundary.OrderService;
import com.twork.points.order.boundary.WebhookService;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.security.boundary.AccountService;
import com.twork.points.security.boundary.ApiKeyService;
import com.twork.points.security.boundary.CreatedApiKey;
import com.twork.points.security.boundary.PermissionDeniedException;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.setting.control.SettingKey;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff services have no REST route (the console calls them directly), so their authorisation is tested
 * where they run: inside a Payara Micro with the real WAR, each call made as a given verified caller.
 */
@ExtendWith({ContainerDatabase.class, ArquillianExtension.class})
class StaffServicesIT {
    @Inject
    CallerContext context;

    @Inject
    ApiKeyService keys;

    @Inject
    SettingsService settings;

    @Inject
    AccountService accounts;

    @Inject
    AdjustmentService adjustments;

    @Inject
    MemberService members;

    @Inject
    AuditService audit;

    @Inject
    WebhookService webhooks;

    @Inject
    OrderService orders;

    @Inject
    ExpiryService expiry;

    @Inject
    ReconciliationService reconciliation;

    @Inject
    FailureAlertService alert;

    @Inject
    FailureAlerts failures;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("twork.it.war")))
                .addClasses(StaffServicesIT.class, ContainerDatabase.class, ContainerSql.class);
    }

    private void as(AuthenticatedCaller caller) {
        context.authenticated(caller);
    }

    private static AuthenticatedCaller staff(Role role) {
        return AuthenticatedCaller.account(1_000_000 + role.ordinal(), role, Optional.empty(), 1);
    }

    private static AuthenticatedCaller customer(long member) {
        return AuthenticatedCaller.account(2_000_000, Role.CUSTOMER, Optional.of(member), 1);
    }

    private static final List<AuthenticatedCaller> NOT_ADMIN = List.of(
            AuthenticatedCaller.key(1, Permission.READ_WRITE),
            AuthenticatedCaller.key(2, Permission.READ),
            AuthenticatedCaller.account(3, Role.CUSTOMER, Optional.of(3L), 1),
            AuthenticatedCaller.account(4, Role.MANAGER, Optional.empty(), 1));

    private void refusedForAllBut(Role allowed, Supplier<?> call) {
        for (AuthenticatedCaller caller : NOT_ADMIN) {
            if (caller.role().map(role -> role.covers(allowed)).orElse(false)) {
                continue;
            }
            as(caller);
            assertThrows(PermissionDeniedException.class, call::get, caller.actor());
        }
    }

    private long newMember() {
        long id = 700_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        as(AuthenticatedCaller.key(9, Permission.READ_WRITE));
        members.upsert(new MemberChanges(
                id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        return id;
    }

    @Test
    void keyManagementIsForAdminsOnly() {
        refusedForAllBut(Role.ADMIN, () -> keys.create("nope", Permission.READ));
        refusedForAllBut(Role.ADMIN, keys::list);
        as(staff(Role.ADMIN));
        CreatedApiKey created = keys.create("console key", Permission.READ);
        assertTrue(created.consumerKey().startsWith("ck_")
                && created.consumerSecret().startsWith("cs_"));
        assertTrue(
                keys.list().stream().anyMatch(key -> key.id() == created.key().id()));
        assertFalse(created.toString().contains(created.consumerSecret()));
        assertTrue(keys.revoke(created.key().id()).revoked());
        assertThrows(InvalidInputException.class, () -> keys.register("ck_short", "cs_short", "bad", Permission.READ));
    }

    @Test
    void settingsChangeOnlyForAdminsAndAllOrNothing() {
        refusedForAllBut(Role.ADMIN, () -> settings.update(Map.of("referral_bonus", "600")));
        as(staff(Role.ADMIN));
        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> settings.update(
                        Map.of("referral_bonus", "600", "sync_batch_limit", "0", "site_timezone", "Nowhere")));
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) refused.details().get("params");
        assertEquals(Set.of("sync_batch_limit", "site_timezone"), params.keySet());
        assertEquals(
                "500", settings.current().raw(SettingKey.REFERRAL_BONUS), "nothing saved when anything is refused");
        settings.update(Map.of("referral_bonus", "600"));
        assertEquals(600, settings.current().integer(SettingKey.REFERRAL_BONUS));
        settings.update(Map.of("referral_bonus", "500"));
    }

    @Test
    void accountsAreManagedByAdminsAndPasswordsAreChecked() {
        refusedForAllBut(Role.ADMIN, accounts::list);
        refusedForAllBut(
                Role.ADMIN,
                () -> accounts.create("x" + System.nanoTime(), "long enough pw", Role.MANAGER, Optional.empty()));
        as(staff(Role.ADMIN));
        String login = "mgr" + System.nanoTime();
        assertThrows(
                InvalidInputException.class, () -> accounts.create(login, "short", Role.MANAGER, Optional.empty()));
        long id = accounts.create(login, "a long password", Role.MANAGER, Optional.empty())
                .id();
        assertFalse(accounts.setEnabled(id, false).enabled());
        accounts.resetPassword(id, "another long password");
        assertThrows(
                InvalidInputException.class,
                () -> accounts.create("c" + System.nanoTime(), "a long password", Role.CUSTOMER, Optional.of(-1L)));
    }

    @Test
    void staffAdjustmentsNeedAReasonAStaffRoleAndAreAudited() throws Exception {
        long member = newMember();
        for (AuthenticatedCaller caller :
                List.of(AuthenticatedCaller.key(1, Permission.READ_WRITE), customer(member))) {
            as(caller);
            assertThrows(PermissionDeniedException.class, () -> adjustments.adjust(member, 10, "gift"), caller.actor());
        }
        as(staff(Role.MANAGER));
        assertThrows(InvalidInputException.class, () -> adjustments.adjust(member, 10, "  "));
        AdjustmentResult credit = adjustments.adjust(member, 100, "Goodwill for a late parcel");
        assertEquals(0, credit.balanceBefore());
        assertEquals(100, credit.balanceAfter());
        AdjustmentRefusedException tooMuch =
                assertThrows(AdjustmentRefusedException.class, () -> adjustments.adjust(member, -101, "correction"));
        assertTrue(tooMuch.getMessage().contains("only 100"), tooMuch.getMessage());
        assertEquals(40, adjustments.adjust(member, -60, "Duplicate credit").balanceAfter());
        AdjustmentResult voided = adjustments.voidTransaction(credit.transactionId(), "Goodwill was a mistake");
        assertEquals(0, voided.balanceAfter());
        assertEquals(60, voided.uncollectable(), "60 of the 100 were already taken by the debit");
        assertThrows(
                AdjustmentRefusedException.class, () -> adjustments.voidTransaction(credit.transactionId(), "again"));
        assertEquals(
                3, count("SELECT COUNT(*) FROM audit_log WHERE member_user_id = ? AND reason IS NOT NULL", member));
        assertEquals(
                "Goodwill for a late parcel|0|100|account:" + (1_000_000 + Role.MANAGER.ordinal()),
                text(
                        "SELECT CONCAT_WS('|', reason, balance_before, balance_after, actor) FROM audit_log"
                                + " WHERE member_user_id = ? ORDER BY id LIMIT 1",
                        member));
    }

    @Test
    void tamperingWithTheAuditLogIsDetected() throws Exception {
        long member = newMember();
        as(staff(Role.ADMIN));
        adjustments.adjust(member, 5, "Audit chain check");
        ChainVerification before = audit.verify();
        assertTrue(before.intact(), before.detail());
        long row = count("SELECT MAX(id) FROM audit_log WHERE member_user_id = ?", member);
        String original = text("SELECT reason FROM audit_log WHERE id = ?", row);
        update("UPDATE audit_log SET reason = 'Audit chain check (edited)' WHERE id = ?", row);
        try {
            ChainVerification after = audit.verify();
            assertFalse(after.intact());
            assertEquals(Optional.of(row), after.firstBrokenId());
        } finally {
            update("UPDATE audit_log SET reason = ? WHERE id = ?", original, row);
        }
        assertTrue(audit.verify().intact());
        refusedForAllBut(Role.MANAGER, audit::verify);
    }

    @Test
    void ordersAreListedAndReprocessedByStaffOnly() throws Exception {
        long member = newMember();
        as(staff(Role.ADMIN));
        settings.update(Map.of("webhook_secret", "in-container-secret"));
        try {
            String orderId = Long.toString(member);
            String body = "{\"id\": " + orderId + ", \"status\": \"completed\", \"customer_id\": " + member
                    + ", \"total\": \"42.00\", \"total_tax\": \"0\", \"shipping_total\": \"0\", \"refunds\": [],"
                    + " \"date_modified_gmt\": \"2026-01-15T10:30:00\"}";
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("in-container-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(
                    "applied",
                    webhooks.receive("order.updated", "d-" + orderId, signature, body.getBytes(StandardCharsets.UTF_8))
                            .outcome());
            refusedForAllBut(Role.MANAGER, () -> orders.orders(1, 50));
            as(staff(Role.MANAGER));
            assertTrue(orders.orders(1, 500).stream()
                    .anyMatch(order -> order.orderId().equals(orderId) && order.awarded() == 42));
            assertEquals("applied", orders.reprocess(orderId).outcome());
            assertEquals(
                    42,
                    count("SELECT balance FROM point_account WHERE user_id = ?", member),
                    "re-processing an applied order changes nothing");
            assertEquals(
                    1,
                    count(
                            "SELECT COUNT(*) FROM audit_log WHERE action = 'order.reprocessed' AND details LIKE ?",
                            "order " + orderId + " (%"));
        } finally {
            as(staff(Role.ADMIN));
            settings.update(Map.of("webhook_secret", ""));
        }
    }

    @Test
    void theFailureAlertShowsAtTheThresholdAndADismissalLastsUntilTheNextFailure() {
        refusedForAllBut(Role.MANAGER, alert::current);
        as(staff(Role.MANAGER));
        alert.dismiss();
        assertTrue(alert.current().isEmpty(), "dismissed, and nothing new");
        for (int i = 1; i <= 5; i++) {
            failures.record("sync", "test failure " + i, Instant.now());
        }
        String text = alert.current().orElseThrow();
        assertTrue(text.startsWith("Point sync has failed "), text);
        assertTrue(text.endsWith("Last error: test failure 5"), text);
        alert.dismiss();
        assertTrue(alert.current().isEmpty());
        failures.record("webhook", "one more", Instant.now());
        assertTrue(alert.current().orElseThrow().endsWith("Last error: one more"), "back with the next failure");
        alert.dismiss();
    }

    @Test
    void onlyAdminsRepairADriftedBalanceAndTheLotsAreTheTruth() throws Exception {
        long member = newMember();
        as(staff(Role.MANAGER));
        adjustments.adjust(member, 40, "Drift check");
        update("UPDATE point_account SET balance = 55 WHERE user_id = ?", member);
        assertTrue(reconciliation.drifts().stream().anyMatch(drift -> drift.userId() == member));
        refusedForAllBut(Role.ADMIN, () -> reconciliation.repair(member, "fix"));
        as(staff(Role.ADMIN));
        assertEquals(
                55, reconciliation.repair(member, "Restored from the ledger").balance());
        assertEquals(40, count("SELECT balance FROM point_account WHERE user_id = ?", member));
        assertTrue(reconciliation.drifts().stream().noneMatch(drift -> drift.userId() == member));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'balance.repaired' AND member_user_id = ?",
                        member));
    }

    @Test
    void staffCanRunExpiryNow() throws Exception {
        refusedForAllBut(Role.MANAGER, expiry::runNow);
        long member = newMember();
        update("INSERT INTO point_account (user_id, balance, updated_at) VALUES (?, 25, UTC_TIMESTAMP(6))", member);
        update(
                "INSERT INTO point_transaction (user_id, type, points, created_at, expires_at, remaining, status, source,"
                        + " actor) VALUES (?, 'earn', 25, UTC_TIMESTAMP(6) - INTERVAL 9 DAY, UTC_TIMESTAMP(6) - INTERVAL 1 DAY,"
                        + " 25, 'available', 'admin', 'test')",
                member);
        as(staff(Role.MANAGER));
        assertTrue(expiry.runNow().points() >= 25);
        assertEquals(0, count("SELECT balance FROM point_account WHERE user_id = ?", member));
        assertTrue(count("SELECT COUNT(*) FROM audit_log WHERE action = 'expiry.run_now'") >= 1);
    }
}
