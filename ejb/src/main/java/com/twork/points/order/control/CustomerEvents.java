package com.twork.points.order.control;

import com.twork.points.ledger.control.SignupBonus;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.control.AppClock;
import com.twork.points.privacy.control.MemberErasure;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * WooCommerce customer topics keep members in step: created/updated upsert, deleted makes inactive, or erases the
 * member when {@code erase_on_customer_deleted} is on (docs/privacy.md). An erased member is never touched again.
 */
@ApplicationScoped
public class CustomerEvents {
    @Inject
    MemberRepository members;

    @Inject
    SignupBonus signupBonus;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    @Inject
    MemberErasure erasure;

    static final String WEBHOOK_ACTOR = "webhook";
    static final String ERASURE_REASON = "WooCommerce customer.deleted (setting erase_on_customer_deleted)";

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OrderOutcome apply(JsonObject customer, boolean deleted) {
        long id = Long.parseLong(
                text(customer, "id").orElseThrow(() -> new IllegalArgumentException("customer without id")));
        if (id <= 0) {
            return OrderOutcome.applied("customer " + id + " ignored");
        }
        Instant now = clock.now();
        if (members.find(id).filter(Member::isErased).isPresent()) {
            return OrderOutcome.erased(id);
        }
        if (deleted && settings.current().flag(SettingKey.ERASE_ON_CUSTOMER_DELETED)) {
            if (members.find(id).isEmpty()) {
                return OrderOutcome.applied("customer " + id + " unknown: nothing to erase");
            }
            MemberErasure.Outcome erased =
                    erasure.erase(id, ERASURE_REASON, new MemberErasure.Requester(WEBHOOK_ACTOR, null), now);
            return OrderOutcome.applied("member " + id + " erased (audit row "
                    + erased.auditId().map(String::valueOf).orElse("-") + ")");
        }
        if (members.createIfMissing(id, now)) {
            signupBonus.grant(
                    id, settings.current(), new PointTransaction.Origin(TransactionSource.WEBHOOK, "webhook", now));
        }
        Member member = members.lock(id).orElseThrow();
        if (deleted) {
            member.update(
                    Optional.empty(), Optional.empty(), Optional.of(MemberStatus.INACTIVE), Optional.empty(), now);
            return OrderOutcome.applied("member " + id + " inactive");
        }
        String name = (text(customer, "first_name").orElse("") + " "
                        + text(customer, "last_name").orElse(""))
                .trim();
        member.update(
                Optional.of(text(customer, "email").filter(email -> !email.isBlank())),
                Optional.of(Optional.of(name).filter(text -> !text.isEmpty())),
                Optional.empty(),
                Optional.empty(),
                now);
        return OrderOutcome.applied("member " + id + " updated");
    }

    private static Optional<String> text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString().trim());
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.NUMBER) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }
}
