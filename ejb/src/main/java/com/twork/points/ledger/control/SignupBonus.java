package com.twork.points.ledger.control;

import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.control.SettingKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * SPEC §6.5: {@code signup_bonus} points (default 0: none) when a member is created, by whatever door (API
 * auto-creation, members API, webhooks). Once per member ({@code bonus_key = signup}), in the creating
 * transaction.
 */
@ApplicationScoped
public class SignupBonus {
    static final String KEY = "signup";

    @Inject
    AccountLedger accounts;

    public void grant(long userId, Settings settings, PointTransaction.Origin origin) {
        int bonus = settings.integer(SettingKey.SIGNUP_BONUS);
        if (bonus == 0) {
            return;
        }
        PointAccount account = accounts.lock(userId, origin.at());
        if (accounts.findByBonusKey(userId, KEY).isPresent()) {
            return;
        }
        accounts.credit(
                account,
                PointTransaction.credit(
                                userId,
                                TransactionType.EARN,
                                bonus,
                                "Sign-up bonus",
                                null,
                                LotExpiry.of(Optional.empty(), origin.at(), settings),
                                TransactionStatus.AVAILABLE,
                                origin)
                        .withBonusKey(KEY));
    }
}
