package com.twork.points.javaclient;

import static com.twork.points.it.Fixtures.insertLot;
import static com.twork.points.it.Fixtures.newMember;
import static com.twork.points.it.Fixtures.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.client.BadRequestException;
import com.twork.points.client.Balance;
import com.twork.points.client.BonusResult;
import com.twork.points.client.CheckExpiredResult;
import com.twork.points.client.ConflictException;
import com.twork.points.client.EarnRequest;
import com.twork.points.client.ExpiringLots;
import com.twork.points.client.ForbiddenException;
import com.twork.points.client.InsufficientPointsException;
import com.twork.points.client.Login;
import com.twork.points.client.Member;
import com.twork.points.client.MemberStatus;
import com.twork.points.client.MemberUpdate;
import com.twork.points.client.NotFoundException;
import com.twork.points.client.PointType;
import com.twork.points.client.PointsApiException;
import com.twork.points.client.PointsClient;
import com.twork.points.client.PointsUnreachableException;
import com.twork.points.client.RedeemRequest;
import com.twork.points.client.SyncItem;
import com.twork.points.client.SyncRequest;
import com.twork.points.client.SyncResult;
import com.twork.points.client.SyncStatus;
import com.twork.points.client.Transaction;
import com.twork.points.client.TransactionPage;
import com.twork.points.client.TransactionQuery;
import com.twork.points.client.TransactionStatus;
import com.twork.points.client.UnauthorizedException;
import com.twork.points.client.WriteResult;
import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every route of the typed client against the real server: results typed, errors carrying the server's envelope. */
@ExtendWith(SharedServer.class)
class PointsClientIT {
    private final Fixtures.Key key = Fixtures.writeKey();
    private final PointsClient client = client(key);

    private static PointsClient client(Fixtures.Key key) {
        return PointsClient.builder(URI.create(Api.base()))
                .apiKey(key.consumerKey(), key.consumerSecret())
                .build();
    }

    @Test
    void earnRedeemAndTheBalanceAreTyped() {
        long userId = newMember();
        String order = "WC-" + UUID.randomUUID();
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10);

        WriteResult earned = client.earn(EarnRequest.of(userId, 300)
                .withDescription("Order")
                .withOrderId(order)
                .withExpiresAt(expires));
        assertTrue(earned.transactionId() > 0);
        assertEquals(300, earned.newBalance());
        assertEquals(earned, client.earn(EarnRequest.of(userId, 300).withOrderId(order)), "same order: same row");
        ConflictException conflict = assertThrows(
                ConflictException.class,
                () -> client.earn(EarnRequest.of(userId, 301).withOrderId(order)));
        assertEquals("duplicate_transaction", conflict.code());
        assertEquals(409L, ((Number) conflict.data().get("status")).longValue());

        WriteResult redeemed = client.redeem(
                RedeemRequest.of(userId, 120).withDescription("Coffee").withOrderTotal(new BigDecimal("12.50")));
        assertEquals(180, redeemed.newBalance());
        InsufficientPointsException tooMuch =
                assertThrows(InsufficientPointsException.class, () -> client.redeem(RedeemRequest.of(userId, 1_000)));
        assertEquals(400, tooMuch.status());
        assertEquals("insufficient_points", tooMuch.code());
        assertEquals("Insufficient points", tooMuch.getMessage());
        assertEquals(180, tooMuch.currentBalance());
        assertEquals(1_000, tooMuch.required());
        assertTrue(tooMuch.requestId().isPresent());

        Balance balance = client.balance(userId);
        assertEquals(userId, balance.userId());
        assertEquals(180, balance.currentBalance());
        assertEquals(300, balance.lifetimeEarned());
        assertEquals(120, balance.lifetimeRedeemed());
        assertEquals(0, balance.lifetimeExpired());
        assertEquals(0, balance.pendingPoints());
        assertEquals(180, balance.expiringSoon(), "the lot expires in 10 days");
        assertEquals("basic", balance.tier().key().toLowerCase(java.util.Locale.ROOT));
        assertTrue(balance.tier().nextKey().isPresent());
        assertTrue(balance.tier().pointsToNext().isPresent());
        assertEquals(180, Ledger.assertInvariant(userId));
    }

    @Test
    void anIdempotencyKeyMakesARepeatedWriteTheSameWrite() {
        long userId = newMember();
        String idem = UUID.randomUUID().toString();
        WriteResult first = client.earn(EarnRequest.of(userId, 25).withDescription("Check-in"), idem);
        WriteResult again = client.earn(EarnRequest.of(userId, 25).withDescription("Check-in"), idem);
        assertEquals(first, again);
        assertEquals(1, Ledger.rows(userId));
        BadRequestException reused =
                assertThrows(BadRequestException.class, () -> client.earn(EarnRequest.of(userId, 26), idem));
        assertEquals(422, reused.status());
        assertEquals("idempotency_key_reused", reused.code());
    }

    @Test
    void historyPagesAndFilters() {
        long userId = newMember();
        client.earn(EarnRequest.of(userId, 10).withDescription("Alpha visit"));
        client.earn(EarnRequest.of(userId, 20).withDescription("Beta visit").withOrderId("WC-4711"));
        client.earn(EarnRequest.of(userId, 30).withType(PointType.REFUND).withDescription("Gamma"));
        client.redeem(RedeemRequest.of(userId, 5));

        TransactionPage all = client.transactions(userId);
        assertEquals(4, all.total());
        assertEquals(1, all.page());
        assertEquals(20, all.perPage());
        assertEquals(PointType.REDEEM, all.transactions().get(0).type(), "newest first");
        Transaction redeem = all.transactions().get(0);
        assertEquals(userId, redeem.userId());
        assertEquals(5, redeem.points());
        assertEquals(Optional.of("Points redeemed"), redeem.description());
        assertFalse(redeem.expired());

        TransactionPage second = client.transactions(
                userId, TransactionQuery.firstPage().perPage(3).page(2));
        assertEquals(1, second.transactions().size());
        assertEquals(2, second.totalPages());
        assertEquals(10, second.transactions().get(0).points());

        assertEquals(
                List.of(10, 20),
                client
                        .transactions(
                                userId,
                                TransactionQuery.firstPage()
                                        .type(PointType.EARN)
                                        .oldestFirst())
                        .transactions()
                        .stream()
                        .map(Transaction::points)
                        .toList());
        assertEquals(
                List.of(20),
                client.transactions(userId, TransactionQuery.firstPage().orderId("4711")).transactions().stream()
                        .map(Transaction::points)
                        .toList());
        assertEquals(
                Optional.of("WC-4711"),
                client.transactions(userId, TransactionQuery.firstPage().search("Beta"))
                        .transactions()
                        .get(0)
                        .orderId());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(
                4,
                client.transactions(
                                userId,
                                TransactionQuery.firstPage()
                                        .from(today.minusDays(1))
                                        .to(today.plusDays(1)))
                        .total());
        assertEquals(
                0,
                client.transactions(userId, TransactionQuery.firstPage().statuses(TransactionStatus.VOID))
                        .total());
        assertEquals(
                4,
                client.transactions(userId, TransactionQuery.firstPage().allStatuses())
                        .total());
    }

    @Test
    void expiringLotsAndCheckExpired() {
        long userId = newMember();
        insertLot(userId, "earn", 100, now().minus(Duration.ofDays(400)), now().minus(Duration.ofDays(35)));
        long soon = insertLot(userId, "earn", 40, now(), now().plus(Duration.ofDays(5)));

        ExpiringLots lots = client.expiring(userId);
        assertEquals(1, lots.count());
        assertEquals(soon, lots.lots().get(0).transaction().id());
        assertEquals(40, lots.lots().get(0).remaining());
        assertTrue(lots.lots().get(0).transaction().expiresAt().isPresent());

        CheckExpiredResult expired = client.checkExpired(userId);
        assertTrue(expired.success());
        assertEquals(1, expired.expiredCount());
        assertEquals(100, expired.expiredPoints());
        assertEquals(40, expired.newBalance().orElseThrow());
        CheckExpiredResult refused = client.checkExpired(0);
        assertFalse(refused.success());
        assertEquals("Invalid user ID.", refused.message());
        assertTrue(refused.newBalance().isEmpty());
        assertEquals(40, Ledger.assertInvariant(userId));
    }

    @Test
    void referralAndBirthdayBonuses() {
        long referrer = newMember();
        long referred = newMember();
        BonusResult referral = client.referral(referrer, referred);
        assertEquals(500, referral.pointsAwarded());
        assertEquals(500, referral.newBalance());
        assertEquals(
                "already_referred",
                assertThrows(BadRequestException.class, () -> client.referral(referrer, referred))
                        .code());

        BonusResult birthday = client.birthday(referred, UUID.randomUUID().toString());
        assertEquals(200, birthday.pointsAwarded());
        assertEquals(
                "already_awarded",
                assertThrows(BadRequestException.class, () -> client.birthday(referred))
                        .code());
        assertEquals(200, Ledger.assertInvariant(referred));
    }

    @Test
    void membersAreReadAndUpserted() {
        long userId = 900_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Member created = client.putMember(
                userId,
                MemberUpdate.none().email("ana@example.test").displayName("Ana").birthday(LocalDate.of(1990, 5, 17)));
        assertEquals(userId, created.userId());
        assertEquals(Optional.of("ana@example.test"), created.email());
        assertEquals(MemberStatus.ACTIVE, created.status());
        assertEquals(Optional.of(LocalDate.of(1990, 5, 17)), created.birthday());

        Member changed =
                client.putMember(userId, MemberUpdate.none().clearEmail().status(MemberStatus.INACTIVE));
        assertEquals(Optional.empty(), changed.email());
        assertEquals(Optional.of("Ana"), changed.displayName(), "fields not sent stay");
        assertEquals(changed, client.member(userId));

        PointsApiException invalid = assertThrows(
                BadRequestException.class,
                () -> client.putMember(userId, MemberUpdate.none().email("not an address")));
        assertEquals("rest_invalid_param", invalid.code());
        assertTrue(invalid.data().containsKey("params"));
        ForbiddenException inactive =
                assertThrows(ForbiddenException.class, () -> client.earn(EarnRequest.of(userId, 5)));
        assertEquals("rest_user_inactive", inactive.code());
    }

    @Test
    void syncThroughTheTypedApi() {
        long userId = newMember();
        SyncRequest batch = new SyncRequest(
                userId,
                List.of(
                        SyncItem.of("app-" + UUID.randomUUID(), PointType.EARN, 60)
                                .withDescription("Offline"),
                        SyncItem.of("app-" + UUID.randomUUID(), PointType.REDEEM, 500),
                        SyncItem.of("app-" + UUID.randomUUID(), PointType.EXPIRE, 5)));
        SyncResult result = client.sync(batch);
        assertFalse(result.success());
        assertEquals(1, result.synced());
        assertEquals(3, result.total());
        assertEquals(60, result.newBalance());
        assertEquals(
                List.of(SyncStatus.APPLIED, SyncStatus.REJECTED, SyncStatus.IGNORED),
                result.results().stream().map(item -> item.status()).toList());
        assertEquals(Optional.of("insufficient_points"), result.results().get(1).code());
        assertEquals(1, result.errors().size());
        assertEquals(
                List.of(SyncStatus.DUPLICATE, SyncStatus.REJECTED, SyncStatus.IGNORED),
                client.sync(batch).results().stream().map(item -> item.status()).toList());
        assertEquals(60, Ledger.assertInvariant(userId));
    }

    @Test
    void credentialsAndPermissionsFailAsTypedErrors() throws IOException {
        long userId = newMember();
        PointsClient wrongSecret = PointsClient.builder(URI.create(Api.base()))
                .apiKey(key.consumerKey(), "cs_" + "0".repeat(40))
                .build();
        UnauthorizedException unauthorized =
                assertThrows(UnauthorizedException.class, () -> wrongSecret.balance(userId));
        assertEquals("rest_forbidden", unauthorized.code());
        assertEquals(401, unauthorized.status());
        assertFalse(wrongSecret.toString().contains("0000000000"), "secrets are never printed");

        PointsClient readOnly = client(Fixtures.newKey("read"));
        assertEquals(0, readOnly.balance(userId).currentBalance());
        assertEquals(
                "rest_forbidden_permission",
                assertThrows(ForbiddenException.class, () -> readOnly.earn(EarnRequest.of(userId, 1)))
                        .code());
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> readOnly.balance(999_999_999_991L));
        assertEquals("rest_invalid_user", unknown.code());

        try (LoopbackProxy down = new LoopbackProxy(URI.create(Api.base()).getPort())) {
            down.mode(LoopbackProxy.Mode.REFUSE);
            PointsClient cutOff = PointsClient.builder(down.uri())
                    .apiKey(key.consumerKey(), key.consumerSecret())
                    .build();
            assertThrows(PointsUnreachableException.class, () -> cutOff.balance(userId));
        }
    }

    @Test
    void aLoggedInSessionCallsWithItsCookieAndRenewedNonce() {
        long member = newMember();
        long other = newMember();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount("client-mgr-" + suffix, "manager password", "MANAGER", null);
        Fixtures.newAccount("client-cust-" + suffix, "customer password", "CUSTOMER", member);

        PointsClient manager = PointsClient.builder(URI.create(Api.base())).build();
        Login login = manager.login("client-mgr-" + suffix, "manager password".toCharArray());
        assertEquals(List.of("MANAGER"), login.roles());
        assertTrue(login.userId().isEmpty());
        assertEquals(0, manager.balance(other).currentBalance());
        String nonce = manager.refreshNonce();
        assertFalse(nonce.isBlank());
        assertEquals(10, manager.earn(EarnRequest.of(other, 10)).newBalance());
        assertFalse(manager.toString().contains(nonce));
        manager.logout();
        assertThrows(UnauthorizedException.class, () -> manager.balance(other));

        PointsClient customer = PointsClient.builder(URI.create(Api.base())).build();
        assertEquals(
                member,
                customer.login("client-cust-" + suffix, "customer password".toCharArray())
                        .userId()
                        .orElseThrow());
        assertEquals(0, customer.balance(member).currentBalance());
        assertEquals(
                "rest_forbidden_user",
                assertThrows(ForbiddenException.class, () -> customer.balance(other))
                        .code());
        UnauthorizedException wrong = assertThrows(
                UnauthorizedException.class,
                () -> PointsClient.builder(URI.create(Api.base()))
                        .build()
                        .login("client-cust-" + suffix, "nope".toCharArray()));
        assertEquals("invalid_login", wrong.code());
        assertNotEquals(nonce, customer.refreshNonce());
    }
}
